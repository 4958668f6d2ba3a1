import { parseEnv } from '@poolgraph/platform';
import { describe, expect, it } from 'vitest';
import { gatewayEnvSchema, loadGatewayEnv } from '../src/env.ts';
import { DEFAULT_LIMITS, DEVELOPMENT_CORS_ORIGINS } from '../src/limits/config.ts';
import { limitsFromEnv } from '../src/limits/env.ts';

describe('limit configuration', () => {
  it('defaults to the documented limits', () => {
    const limits = limitsFromEnv(loadGatewayEnv({ NODE_ENV: 'test' }));
    expect(limits).toEqual({ ...DEFAULT_LIMITS, corsOrigins: [] });
    expect(limits.operations).toMatchObject({ maxDepth: 12, maxAliases: 30, maxCost: 100_000 });
    expect(limits.rate).toEqual({ perKey: 1_200, perUser: 600, perIp: 300 });
    expect(limits.webSocket.maxMessageBytes).toBe(65_536);
    expect(limits.maxBodyBytes).toBe(1_048_576);
  });

  it('allows the Vite dev origins in development and no origin in production by default', () => {
    expect(limitsFromEnv(loadGatewayEnv({})).corsOrigins).toEqual(DEVELOPMENT_CORS_ORIGINS);
    expect(limitsFromEnv(loadGatewayEnv({ NODE_ENV: 'production' })).corsOrigins).toEqual([]);
    const listed = loadGatewayEnv({
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://app.poolgraph.dev, https://admin.poolgraph.dev',
    });
    expect(limitsFromEnv(listed).corsOrigins).toEqual([
      'https://app.poolgraph.dev',
      'https://admin.poolgraph.dev',
    ]);
  });

  it('reads every limit from the environment and turns a rate limit off with 0', () => {
    const limits = limitsFromEnv(
      loadGatewayEnv({ MAX_DEPTH: '7', RATE_LIMIT_PER_IP: '0', WS_CONNECTIONS_PER_USER: '3' }),
    );
    expect(limits.operations.maxDepth).toBe(7);
    expect(limits.rate.perIp).toBe(0);
    expect(limits.webSocket.connectionsPerUser).toBe(3);
  });

  it('lists every invalid limit at once', () => {
    const parse = () =>
      parseEnv(gatewayEnvSchema, {
        MAX_DEPTH: '0',
        RATE_LIMIT_PER_USER: '-5',
        CORS_ORIGINS: 'not an origin',
        WS_MAX_MESSAGE_BYTES: 'big',
      });
    expect(parse).toThrow(/RATE_LIMIT_PER_USER[\s\S]*MAX_DEPTH[\s\S]*CORS_ORIGINS[\s\S]*WS_MAX/);
  });
});
