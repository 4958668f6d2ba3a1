import { connectRedis, createLogger, type RedisClient } from '@poolgraph/platform';
import { TEST_REDIS_URL, deleteRedisKeys, graphql, uniqueRedisPrefix } from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  trustOf,
  type SeenRequest,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

// Who the client is, as the gateway's throttles and the subgraphs see it. This test connects
// from 127.0.0.1, as the web app's server and HAProxy do in `npm start` and `npm run fleet`.
const log = createLogger('test', 'silent');
let echo: TestSubgraph;
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let redis: RedisClient;
const prefixes: string[] = [];
const started: StartedGateway[] = [];

beforeAll(async () => {
  echo = await startSubgraph(
    'echo',
    `${FEDERATION_LINK} type Query { hello: String seen: Seen }
     type Seen { forwardedFor: String }`,
    {
      Query: {
        hello: () => 'hi',
        seen: (_: unknown, __: unknown, context: { seen: SeenRequest }) => context.seen,
      },
    },
  );
  keys = await createTestKeys();
  redis = connectRedis(TEST_REDIS_URL, log);
});
afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.service.stop()));
  await echo?.service.stop();
  for (const prefix of prefixes) await deleteRedisKeys(TEST_REDIS_URL, prefix);
  redis?.disconnect();
});

async function gatewayTrusting(trustedProxies: string, perIp = 2) {
  const prefix = uniqueRedisPrefix('client-address');
  prefixes.push(prefix);
  const gateway = await startGateway(
    { supergraphSdl: supergraphOf(echo.source()) },
    keys.verifier,
    {
      redis,
      redisPrefix: prefix,
      trustedProxies: trustOf(trustedProxies),
      limits: { rate: { perKey: 0, perUser: 0, perIp } },
    },
  );
  started.push(gateway);
  return gateway;
}

const helloFrom = async (url: string, forwardedFor: string) =>
  (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: '{ hello }' }),
    })
  ).status;

describe('the client address behind trusted proxies', () => {
  it('gives each browser behind the web app’s server its own anonymous budget', async () => {
    const { url } = await gatewayTrusting('loopback');
    expect(await helloFrom(url, '198.51.100.1')).toBe(200);
    expect(await helloFrom(url, '198.51.100.1')).toBe(200);
    expect(await helloFrom(url, '198.51.100.1')).toBe(429);
    expect(await helloFrom(url, '198.51.100.2')).toBe(200);
  });

  it('counts every address of one IPv6 /64 as one client, and another /64 apart', async () => {
    const { url } = await gatewayTrusting('loopback');
    expect(await helloFrom(url, '2001:db8:5:5::1')).toBe(200);
    expect(await helloFrom(url, '2001:db8:5:5::2')).toBe(200);
    expect(await helloFrom(url, '2001:db8:5:5:ffff:1:2:3')).toBe(429);
    expect(await helloFrom(url, '2001:db8:5:6::1')).toBe(200);
  });

  it('ignores what the client wrote left of the trusted hops', async () => {
    const { url } = await gatewayTrusting('1');
    expect(await helloFrom(url, '203.0.113.1, 198.51.100.9')).toBe(200);
    expect(await helloFrom(url, '203.0.113.2, 198.51.100.9')).toBe(200);
    expect(await helloFrom(url, '203.0.113.3, 198.51.100.9')).toBe(429);
  });

  it('passes the resolved client on to subgraphs as the only x-forwarded-for entry', async () => {
    const { url } = await gatewayTrusting('loopback', 0);
    const seen = await graphql<{ seen: SeenRequest }>(
      url,
      '{ seen { forwardedFor } }',
      {},
      { headers: { 'x-forwarded-for': '203.0.113.7, 2001:db8::9, 127.0.0.1' } },
    );
    expect(seen.data?.seen.forwardedFor).toBe('2001:db8::9');
  });
});
