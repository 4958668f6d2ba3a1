import { parseEnv } from '@poolgraph/platform';
import { describe, expect, it } from 'vitest';
import { gatewayEnvSchema, loadGatewayEnv } from '../src/env.ts';
import { healthUrlOf } from '../src/readiness.ts';
import { subgraphsOf } from '../src/supergraph.ts';
import { FEDERATION_LINK, supergraphOf } from './helpers.ts';

describe('gateway configuration', () => {
  it('defaults to port 4000, the root supergraph, a 10 s subgraph timeout and watching in development', () => {
    const env = loadGatewayEnv({});
    expect(env.PORT).toBe(4000);
    expect(env.SUPERGRAPH_PATH).toMatch(/\/supergraph\.graphql$/);
    expect(env.SUPERGRAPH_PATH).not.toContain('/gateway/');
    expect(env.SUBGRAPH_TIMEOUT_MS).toBe(10_000);
    expect(env.USERS_JWKS_URL).toBe('http://127.0.0.1:4001/.well-known/jwks.json');
    expect(env.SUPERGRAPH_WATCH).toBe(true);
    expect(env.TRUSTED_PROXIES).toEqual({ kind: 'hops', hops: 0 });
  });

  it('reads TRUSTED_PROXIES as a hop count or a list, and names every bad entry', () => {
    expect(loadGatewayEnv({ TRUSTED_PROXIES: '2' }).TRUSTED_PROXIES).toEqual({
      kind: 'hops',
      hops: 2,
    });
    const list = loadGatewayEnv({ TRUSTED_PROXIES: '10.0.0.0/8, loopback' }).TRUSTED_PROXIES;
    expect(list.kind === 'networks' && list.entries).toEqual(['10.0.0.0/8', 'loopback']);
    const parse = () =>
      parseEnv(gatewayEnvSchema, {
        TRUSTED_PROXIES: '10.0.0.0/40,gateway.local',
        TRUST_PROXY: 'true',
      });
    expect(parse).toThrow(/TRUSTED_PROXIES: "10\.0\.0\.0\/40": the prefix length/);
    expect(parse).toThrow(/TRUSTED_PROXIES: "gateway\.local" is not an IP address/);
    expect(parse).toThrow(/TRUST_PROXY: replaced by TRUSTED_PROXIES/);
  });

  it('does not watch the supergraph in production unless told to', () => {
    expect(loadGatewayEnv({ NODE_ENV: 'production' }).SUPERGRAPH_WATCH).toBe(false);
    expect(
      loadGatewayEnv({ NODE_ENV: 'production', SUPERGRAPH_WATCH: 'true' }).SUPERGRAPH_WATCH,
    ).toBe(true);
  });

  it('lists every invalid variable at once', () => {
    const parse = () =>
      parseEnv(gatewayEnvSchema, {
        PORT: 'eighty',
        SUBGRAPH_TIMEOUT_MS: '-1',
        SUPERGRAPH_WATCH: 'maybe',
        USERS_JWKS_URL: 'not a url',
      });
    expect(parse).toThrow(
      /PORT[\s\S]*SUPERGRAPH_WATCH[\s\S]*USERS_JWKS_URL[\s\S]*SUBGRAPH_TIMEOUT_MS/,
    );
  });

  it('reads every subgraph name and routing URL from a composed supergraph', () => {
    const sdl = supergraphOf(
      {
        name: 'users',
        url: 'http://10.0.0.1:4001/graphql',
        typeDefs: `${FEDERATION_LINK} type Query { a: Int }`,
        file: 'u',
      },
      {
        name: 'pools',
        url: 'http://10.0.0.2:4002/graphql',
        typeDefs: `${FEDERATION_LINK} type Query { b: Int }`,
        file: 'p',
      },
    );
    expect(subgraphsOf(sdl)).toEqual([
      { name: 'pools', url: 'http://10.0.0.2:4002/graphql' },
      { name: 'users', url: 'http://10.0.0.1:4001/graphql' },
    ]);
  });

  it('derives a health URL from a routing URL, keeping any path prefix', () => {
    expect(healthUrlOf('http://127.0.0.1:4002/graphql')).toBe('http://127.0.0.1:4002/healthz');
    expect(healthUrlOf('https://api.example.com/pools/graphql?x=1')).toBe(
      'https://api.example.com/pools/healthz',
    );
  });
});
