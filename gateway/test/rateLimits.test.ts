import { connectRedis, createLogger, type RedisClient } from '@poolgraph/platform';
import { Counter, Registry } from 'prom-client';
import {
  TEST_REDIS_URL,
  deleteRedisKeys,
  errorCodes,
  graphql,
  startPrivateRedis,
  uniqueRedisPrefix,
} from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';
import { connectGatewayRedis } from '../src/server.ts';
import type { RateLimits } from '../src/limits/config.ts';
import { createRateLimiter } from '../src/limits/rateLimit.ts';

const log = createLogger('test', 'silent');
let echo: TestSubgraph;
let supergraphSdl: string;
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let redis: RedisClient;
const prefixes: string[] = [];
const started: StartedGateway[] = [];

beforeAll(async () => {
  echo = await startSubgraph('echo', `${FEDERATION_LINK} type Query { hello: String }`, {
    Query: { hello: () => 'hi' },
  });
  supergraphSdl = supergraphOf(echo.source());
  keys = await createTestKeys();
  redis = connectGatewayRedis(TEST_REDIS_URL, log);
});
afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.service.stop()));
  await echo?.service.stop();
  for (const prefix of prefixes) await deleteRedisKeys(TEST_REDIS_URL, prefix);
  redis?.disconnect();
});

/**
 * A gateway replica on the shared Redis, under `prefix` (a fresh one unless given). It waits for
 * Redis up to 10 s, not 200 ms: on a busy machine a slow answer let a request through unchecked
 * (fail open), and these tests are about the counting; an outage is the last test's.
 */
async function gatewayWith(rate: Partial<RateLimits>, prefix = uniqueRedisPrefix('rate')) {
  prefixes.push(prefix);
  const gateway = await startGateway({ supergraphSdl }, keys.verifier, {
    redis,
    redisPrefix: prefix,
    limits: { rate: { perKey: 0, perUser: 0, perIp: 0, redisTimeoutMs: 10_000, ...rate } },
  });
  started.push(gateway);
  return { ...gateway, prefix };
}

const hello = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ hello }' }),
  });

/** A script that keeps Redis busy for ARGV[1] microseconds (no other command runs meanwhile). */
const SPIN = `
local function now() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end
local start = now()
repeat until now() - start >= tonumber(ARGV[1])
return 1
`;

describe('rate limits', () => {
  it('lets an anonymous address make its allowance, then answers 429 with Retry-After', async () => {
    const { url } = await gatewayWith({ perIp: 3 });
    const started = performance.now();
    for (let i = 0; i < 3; i += 1) expect((await hello(url)).status).toBe(200);
    const refused = await hello(url);
    const elapsedSeconds = (performance.now() - started) / 1000;
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    // One request's worth refills in 60 s / 3 = 20 s after the first; less what has passed since
    // (a busy machine took over a second for the four requests).
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(20 - elapsedSeconds));
    expect(retryAfter).toBeLessThanOrEqual(20);
    const body = (await refused.json()) as {
      errors: Array<{ message: string; extensions: object }>;
    };
    expect(body.errors[0]).toEqual({
      message: `Too many requests for this address; retry after ${retryAfter} s.`,
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
    });
  });

  it('counts each signed-in user on their own, whatever the address', async () => {
    const { url } = await gatewayWith({ perUser: 2, perIp: 1 });
    const alice = await keys.sign('alice');
    const bob = await keys.sign('bob');
    const as = (token: string) => graphql(url, '{ hello }', {}, { token });
    expect((await as(alice)).status).toBe(200);
    expect((await as(alice)).status).toBe(200);
    expect(errorCodes(await as(alice))).toEqual(['RATE_LIMITED']);
    expect((await as(bob)).status).toBe(200);
  });

  it('charges a request whose API key fails authentication to its address', async () => {
    // Random keys would otherwise mint a fresh bucket each; so guessing keys is throttled too.
    const { url } = await gatewayWith({ perKey: 100, perIp: 2 });
    expect((await hello(url, { 'x-api-key': 'pgk_guess_one' })).status).toBe(401);
    expect((await hello(url, { 'x-api-key': 'pgk_guess_two' })).status).toBe(401);
    expect((await hello(url, { 'x-api-key': 'pgk_guess_three' })).status).toBe(429);
  });

  it('shares one allowance across gateway replicas on the same Redis', async () => {
    const first = await gatewayWith({ perIp: 4 });
    const second = await gatewayWith({ perIp: 4 }, first.prefix);
    const statuses = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await hello(i % 2 ? second.url : first.url)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('refuses all but the allowance of 50 concurrent identical requests', async () => {
    const { url } = await gatewayWith({ perIp: 10 });
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async () => (await hello(url)).status),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
  });

  it('keeps counting on a gateway too busy to turn its event loop within the timeout', async () => {
    // A Redis of its own, since it is kept busy below.
    const privateRedis = await startPrivateRedis();
    const client = connectGatewayRedis(privateRedis.url, log);
    try {
      const registry = new Registry();
      const failures = new Counter({ name: 'failures', help: 'h', registers: [registry] });
      const limiter = createRateLimiter({
        redis: client,
        prefix: 'rate:',
        limits: { perKey: 0, perUser: 1, perIp: 0 },
        log,
        failures,
        rejections: new Counter({ name: 'rejections', help: 'h', labelNames: ['kind'] as const }),
        timeoutMs: 100,
      });
      const user = { kind: 'user', id: 'busy' } as const;
      await limiter.charge(user);
      // The second request's script is issued, then the loop is blocked past the timeout: the
      // pipelined client writes the script only once the block ends, and Redis (busy with
      // another client's script until 250 ms) answers after the late timer has fired. That is
      // a busy gateway, not a slow Redis: the answer (over the allowance) must still count.
      const busy = connectRedis(privateRedis.url, log);
      await busy.ping();
      void busy.eval(SPIN, 0, 250_000);
      const second = limiter.charge(user);
      await Promise.resolve();
      const blockedUntil = Date.now() + 200;
      while (Date.now() < blockedUntil);
      await expect(second).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
      expect((await registry.getSingleMetric('failures')!.get()).values[0]?.value ?? 0).toBe(0);
      busy.disconnect();
    } finally {
      client.disconnect();
      await privateRedis.stop();
    }
  });

  it('lets requests through and counts them when Redis is down (fail open)', async () => {
    const privateRedis = await startPrivateRedis();
    const client = connectGatewayRedis(privateRedis.url, log);
    await client.ping();
    const gateway = await startGateway({ supergraphSdl }, keys.verifier, {
      redis: client,
      redisPrefix: 'rate:',
      // Long enough for a busy machine's answers; an outage fails open at once (not ready).
      limits: { rate: { perKey: 1, perUser: 1, perIp: 1, redisTimeoutMs: 2_000 } },
    });
    started.push(gateway);
    let stopped = false;
    try {
      expect((await hello(gateway.url)).status).toBe(200);
      expect((await hello(gateway.url)).status).toBe(429);
      stopped = true;
      await privateRedis.stop();
      for (let i = 0; i < 3; i += 1) expect((await hello(gateway.url)).status).toBe(200);
      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      expect(metrics).toMatch(/^gateway_rate_limit_failures_total\{[^}]*\} 3$/m);
    } finally {
      client.disconnect();
      // A second stop() would wait for an exit that already happened.
      if (!stopped) await privateRedis.stop();
    }
  });
});
