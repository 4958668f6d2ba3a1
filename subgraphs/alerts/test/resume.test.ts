import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  eventually,
  expectData,
  graphql,
  startPrivateRedis,
  type PrivateRedis,
} from '@poolgraph/testing';
import {
  startStack,
  upstreamSockets,
  type Stack,
  type StackOptions,
  type TestUser,
} from '@poolgraph/test-stack';

// alertRaised across the faults that used to lose live alerts (README "Live alerts"): the
// gateway's upstream socket to alerts cut while alerts are raised, and Redis restarted. The
// subscriber must get every alert the database holds, each exactly once.

const stacks: Stack[] = [];
const clients: Client[] = [];
const redises: PrivateRedis[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  for (const stack of stacks) await stack.stop();
  await Promise.all(redises.map((redis) => redis.stop()));
});

interface Fixture {
  stack: Stack;
  /** Posts one contribution above the pool's threshold, retrying (same key) through a fault. */
  raise(): Promise<void>;
  /** How many raise() calls completed (each raised at least one alert). */
  raised(): number;
  /** The pool's alert ids in the database. */
  stored(): Promise<string[]>;
  /** Alert ids the manager's subscription received, in order, and the errors it got. */
  watcher: { ids: string[]; errors: unknown[] };
  /** The gateway's upstream sockets to alerts: cut(true) drops them and refuses new ones. */
  upstream: { cut(down: boolean): void; refused(): number };
}

async function fixture(options: StackOptions = {}): Promise<Fixture> {
  const stack = await startStack(options);
  stacks.push(stack);
  const as = async <T>(user: TestUser, query: string, variables = {}) =>
    expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));
  const [manager, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
  const { createPool } = await as<{ createPool: { id: string } }>(
    manager,
    'mutation { createPool(input: { name: "Alert Fund", currency: "USD", targetAmount: "100000" }) { id } }',
  );
  const poolId = createPool.id;
  await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
  await as(
    investor,
    'mutation($id: ID!) { joinPool(poolId: $id, commitment: "10000000") { id } }',
    {
      id: poolId,
    },
  );
  // The pool's facts reached alerts (its rules answer): contributions can raise alerts.
  await eventually(() =>
    as(manager, 'query($p: ID!) { alertRules(poolId: $p) { id } }', { p: poolId }),
  );

  let raised = 0;
  const raise = async () => {
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const response = await graphql<{ contribute: { id: string } }>(
        stack.gatewayUrl,
        'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "20000", idempotencyKey: $k) { id } }',
        { p: poolId, k: key },
        { token: investor.token },
      ).catch((error: unknown) => ({ errors: [error], data: undefined }));
      if (response.data?.contribute) return void raised++;
      if (attempt > 100) throw new Error(`contribute kept failing: ${JSON.stringify(response)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stored = async () => {
    const { alerts } = await as<{ alerts: Array<{ id: string }> }>(
      manager,
      'query($p: ID!) { alerts(poolId: $p, first: 100) { id } }',
      { p: poolId },
    );
    return alerts.map((alert) => alert.id);
  };

  // While cut, the alerts replica is unreachable: the gateway keeps retrying until it is back.
  const upstream = upstreamSockets(stack.services.alerts!.server);

  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${manager.token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  const watcher = { ids: [] as string[], errors: [] as unknown[] };
  client.subscribe(
    {
      query: 'subscription($p: ID) { alertRaised(poolId: $p) { id kind } }',
      variables: { p: poolId },
    },
    {
      next: (event) => {
        if (event.errors) watcher.errors.push(event.errors);
        const data = event.data as { alertRaised?: { id: string } } | null | undefined;
        if (data?.alertRaised) watcher.ids.push(data.alertRaised.id);
      },
      error: (error) => void watcher.errors.push(error),
      complete: () => undefined,
    },
  );
  await eventually(async () => {
    const text = await (await fetch(`${stack.urls.alerts}/metrics`)).text();
    expect(text).toMatch(/^alerts_live_subscriptions({[^}]*})? 1$/m);
  });
  return { stack, raise, raised: () => raised, stored, watcher, upstream };
}

/** Raises `count` alerts and waits until the subscriber has every stored alert. */
async function raiseAndReceive(f: Fixture, count: number) {
  for (let i = 0; i < count; i++) await f.raise();
  await eventually(async () => {
    const stored = await f.stored();
    expect(stored.length).toBeGreaterThanOrEqual(f.raised());
    expect([...f.watcher.ids].sort()).toEqual([...stored].sort());
  }, 15_000);
}

/** Every stored alert arrived once, and nothing else arrived. */
async function expectExactlyOnce(f: Fixture) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stored = await f.stored();
  expect(f.watcher.errors).toEqual([]);
  expect(new Set(f.watcher.ids).size).toBe(f.watcher.ids.length);
  expect([...f.watcher.ids].sort()).toEqual([...stored].sort());
}

describe('resumable alertRaised', () => {
  it('delivers alerts raised while the gateway’s upstream socket to alerts is cut, once each', async () => {
    const f = await fixture();
    // Delivered before the cut: the gateway holds a cursor to resume after.
    await raiseAndReceive(f, 2);

    f.upstream.cut(true);
    const before = f.watcher.ids.length;
    for (let i = 0; i < 4; i++) await f.raise();
    // Raised, committed and relayed to the stream while nobody upstream listens.
    await eventually(
      async () => expect((await f.stored()).length).toBeGreaterThanOrEqual(f.raised()),
      15_000,
    );
    // The gateway tried to reconnect meanwhile and was turned away.
    await eventually(async () => expect(f.upstream.refused()).toBeGreaterThan(0), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(f.watcher.ids.length).toBe(before);
    f.upstream.cut(false);

    await raiseAndReceive(f, 2);
    await expectExactlyOnce(f);
    expect(f.watcher.ids.length).toBeGreaterThanOrEqual(8);
  }, 90_000);

  it('delivers alerts raised across Redis restarts, once each', async () => {
    const redis = await startPrivateRedis({ persistent: true });
    redises.push(redis);
    const f = await fixture({ redisUrl: redis.url });
    await raiseAndReceive(f, 2);
    for (let round = 0; round < 2; round++) {
      const restart = redis.restart();
      for (let i = 0; i < 3; i++) await f.raise();
      await restart;
    }
    await raiseAndReceive(f, 1);
    await expectExactlyOnce(f);
    expect(f.watcher.ids.length).toBeGreaterThanOrEqual(9);
  }, 120_000);
});
