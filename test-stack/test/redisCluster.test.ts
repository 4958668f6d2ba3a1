import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createSpikeDetector, spikeKeys } from '@poolgraph/alerts/detection';
import { ledgerEventsStream } from '@poolgraph/events';
import { createRedisClient, redisMasters, type RedisClient } from '@poolgraph/platform';
import {
  errorCodes,
  eventually,
  expectData,
  graphql,
  startPrivateRedisCluster,
  type PrivateRedisCluster,
} from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '../src/stack.ts';

// The whole platform on a 3-master Redis Cluster of this file's own: live subscriptions and
// alerts fan out across nodes, every Lua script and pipeline stays within one slot, and a node
// restart is survived. Everything else runs as on a single Redis.
let cluster: PrivateRedisCluster;
let stack: Stack;
let redis: RedisClient;
let manager: TestUser;
let investor: TestUser;
let poolId: string;
const clients: Client[] = [];

const as = async <T = Record<string, unknown>>(
  user: TestUser,
  query: string,
  variables: Record<string, unknown> = {},
) => expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));

const contribute = (amount: string) =>
  as(
    investor,
    'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
    {
      p: poolId,
      a: amount,
      k: randomUUID(),
    },
  );

/** Subscribes through the gateway; events (or errors) collect in the returned list. */
function watch(user: TestUser, query: string, variables: Record<string, unknown>) {
  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${user.token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  const events: Array<{ data?: Record<string, unknown> | null; errors?: unknown }> = [];
  client.subscribe(
    { query, variables },
    {
      next: (e) => void events.push(e),
      error: (errors) => void events.push({ errors }),
      complete() {},
    },
  );
  return events;
}

/** Live subscriptions the ledger serves (its stream tail counts them). */
async function ledgerSubscriptions(): Promise<number> {
  const text = await (await fetch(`${stack.urls.ledger}/metrics`)).text();
  return Number(/^ledger_live_subscriptions(?:{[^}]*})? (\d+)$/m.exec(text)?.[1] ?? 0);
}

/** The index of the cluster node serving a key's slot. */
async function nodeOf(key: string): Promise<number> {
  const slot = Number(await redis.call('CLUSTER', 'KEYSLOT', key));
  const ranges = (await redis.call('CLUSTER', 'SLOTS')) as Array<
    [number, number, [string, number]]
  >;
  const owner = ranges.find(([from, to]) => slot >= from && slot <= to)!;
  return cluster.nodes.findIndex((n) => n.port === owner[2][1]);
}

const BALANCE = `subscription($p: ID!) { balanceChanged(poolId: $p) {
  cashBalance { amount } investor { name } transaction { amount { amount } } } }`;
const ALERT = `subscription($p: ID) { alertRaised(poolId: $p) { id kind pool { name } } }`;
const ALERTS = `query($p: ID) { alerts(poolId: $p) { id kind transaction { id } } }`;

beforeAll(async () => {
  cluster = await startPrivateRedisCluster();
  redis = createRedisClient(cluster.url);
  stack = await startStack({ redisUrl: cluster.url });
  [manager, investor] = await Promise.all([stack.signUp('MANAGER'), stack.signUp('INVESTOR')]);
  const { createPool } = await as<{ createPool: { id: string } }>(
    manager,
    'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
    {
      i: {
        name: `Cluster pool ${randomUUID().slice(0, 6)}`,
        currency: 'USD',
        targetAmount: '1000000',
      },
    },
  );
  poolId = createPool.id;
  await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
  await as(investor, 'mutation($p: ID!) { joinPool(poolId: $p, commitment: "100000") { id } }', {
    p: poolId,
  });
  // Alerts learns of the pool from pools' events; then a large contribution raises an alert.
  const rule = (i: Record<string, unknown>) =>
    as(manager, 'mutation($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }', { i });
  await eventually(() => rule({ poolId, kind: 'LARGE_TRANSACTION', threshold: '500' }));
  // A spike rule puts every contribution through the detector's Lua script too.
  await rule({ poolId, kind: 'TRANSACTION_SPIKE' });
}, 60_000);

afterAll(async () => {
  try {
    await Promise.all(clients.map((c) => c.dispose()));
    await stack?.stop();
  } finally {
    redis?.disconnect();
    await cluster?.stop();
  }
});

describe('the platform on a Redis Cluster', () => {
  it('delivers a contribution to a live balance subscription and raises a stored, delivered alert', async () => {
    const balances = watch(investor, BALANCE, { p: poolId });
    const alerts = watch(manager, ALERT, { p: poolId });
    await eventually(async () => expect(await ledgerSubscriptions()).toBe(1));
    // The alert subscription goes live alongside; graphql-ws gives no "subscribed" signal.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await contribute('100');
    await contribute('900');
    await eventually(async () => expect(balances).toHaveLength(2), 10_000);
    expect(
      balances.map(
        (e) => (e.data?.balanceChanged as { cashBalance: { amount: string } }).cashBalance.amount,
      ),
    ).toEqual(['100.00', '1000.00']);
    await eventually(async () => expect(alerts).toHaveLength(1), 10_000);
    expect(alerts[0]!.data?.alertRaised).toMatchObject({ kind: 'LARGE_TRANSACTION' });
    const { alerts: stored } = await as<{ alerts: Array<{ kind: string }> }>(manager, ALERTS, {
      p: poolId,
    });
    expect(stored.map((a) => a.kind)).toEqual(['LARGE_TRANSACTION']);
  });

  it('runs the gateway rate limit, again after every node forgot its scripts', async () => {
    const limited = await stack.startGateway({
      limits: { rate: { perKey: 0, perUser: 3, perIp: 1_000 } },
    });
    const me = () => graphql(limited.url, '{ me { id } }', {}, { token: manager.token });
    for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
    expect(errorCodes(await me())).toEqual(['RATE_LIMITED']);
    for (const node of await redisMasters(redis)) await node.script('FLUSH');
    const other = () => graphql(limited.url, '{ me { id } }', {}, { token: investor.token });
    expect((await other()).status).toBe(200);
  });

  it("throttles one account's failed logins from one address", async () => {
    const logIn = (password: string) =>
      graphql(
        stack.gatewayUrl,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        { e: investor.email, p: password },
      );
    for (let i = 0; i < 5; i++)
      expect(errorCodes(await logIn('wrong'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await logIn('wrong'))).toEqual(['RATE_LIMITED']);
  });

  it('counts events in the spike detector per pool, on several nodes, after a script flush too', async () => {
    const detector = createSpikeDetector(redis, stack.redisPrefix);
    const pools = Array.from({ length: 12 }, () => randomUUID());
    const now = Date.now();
    const params = { windowSeconds: 300, baselineSeconds: 3600, spikeFactor: 10, minCount: 5 };
    for (const [round, pool] of [...pools, ...pools].entries()) {
      if (round === pools.length)
        for (const node of await redisMasters(redis)) await node.script('FLUSH');
      await detector.observe(pool, params, [{ id: `e${round}`, atMs: now - round }], now);
    }
    const counts = await Promise.all(
      pools.map((pool) => redis.hget(spikeKeys(stack.redisPrefix, pool)[0], 'ws')),
    );
    expect(counts).toEqual(pools.map(() => '2'));
    const owners = new Set(
      await Promise.all(pools.map((pool) => nodeOf(spikeKeys(stack.redisPrefix, pool)[0]))),
    );
    expect(owners.size).toBeGreaterThanOrEqual(2);
  });

  it('revokes a logged-out session everywhere', async () => {
    const user = await stack.signUp('INVESTOR');
    const me = () => graphql(stack.gatewayUrl, '{ me { id } }', {}, { token: user.token });
    expect((await me()).status).toBe(200);
    await graphql(stack.gatewayUrl, 'mutation($t: String!) { logOut(refreshToken: $t) }', {
      t: user.refreshToken,
    });
    await eventually(
      async () => expect(errorCodes(await me())).toEqual(['UNAUTHENTICATED']),
      5_000,
    );
  });

  it('keeps subscriptions, alerts and events flowing across a restart of every node', async () => {
    const balances = watch(investor, BALANCE, { p: poolId });
    await eventually(async () => expect(await ledgerSubscriptions()).toBeGreaterThanOrEqual(1));
    // The node of the ledger's stream first (relay and consumers), then the others.
    const first = await nodeOf(ledgerEventsStream(stack.redisPrefix));
    for (const i of [first, ...[0, 1, 2].filter((n) => n !== first)]) await cluster.restartNode(i);
    // The ledger's stream tail reads on through the restarts; an event gets through.
    const spike = spikeKeys(stack.redisPrefix, poolId)[0];
    const before = Number(await redis.hget(spike, 'ws'));
    const deadline = Date.now() + 20_000;
    while (balances.length === 0 && Date.now() < deadline) {
      await contribute('600');
      await eventually(async () => expect(balances.length).toBeGreaterThan(0), 2_000).catch(
        () => {},
      );
    }
    expect(balances[0]?.data?.balanceChanged).toBeDefined();
    // The detector's script ran again on its node (restarted without its script cache).
    await eventually(
      async () => expect(Number(await redis.hget(spike, 'ws'))).toBeGreaterThan(before),
      10_000,
    );
    const { alerts: stored } = await eventually(async () => {
      const result = await as<{ alerts: Array<{ kind: string }> }>(manager, ALERTS, { p: poolId });
      expect(result.alerts.length).toBeGreaterThanOrEqual(2);
      return result;
    }, 15_000);
    expect(stored.every((a) => a.kind === 'LARGE_TRANSACTION')).toBe(true);
  }, 60_000);
});
