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

// Live subscriptions across the faults that used to lose events silently (docs/OPERATIONS.md,
// "Chaos"): the gateway's upstream socket to the ledger cut, and Redis restarted. Contributions
// keep posting through both; the client must get each exactly once, in order.

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
  investor: TestUser;
  poolId: string;
  /** Posts one contribution, retrying (same idempotency key) while a fault is under way. */
  contribute(): Promise<string>;
  /** Every transaction id the client received, in order, and the errors it got. */
  watch(): { ids: string[]; errors: unknown[] };
}

async function fixture(options: StackOptions = {}): Promise<Fixture> {
  const stack = await startStack(options);
  stacks.push(stack);
  const as = async <T>(user: TestUser, query: string, variables = {}) =>
    expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));
  const manager = await stack.signUp('MANAGER');
  const investor = await stack.signUp('INVESTOR');
  const { createPool } = await as<{ createPool: { id: string } }>(
    manager,
    'mutation { createPool(input: { name: "Resume Fund", currency: "USD", minContribution: "1.00" }) { id } }',
  );
  const poolId = createPool.id;
  await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
  await as(
    investor,
    'mutation($id: ID!) { joinPool(poolId: $id, commitment: "100000.00") { id } }',
    {
      id: poolId,
    },
  );
  let keys = 0;
  const contribute = async () => {
    const key = `resume-${keys++}`;
    for (let attempt = 0; ; attempt++) {
      const response = await graphql<{ contribute: { id: string } }>(
        stack.gatewayUrl,
        'mutation($poolId: ID!, $key: String!) { contribute(poolId: $poolId, amount: "1.00", idempotencyKey: $key) { id } }',
        { poolId, key },
        { token: investor.token },
      ).catch((error: unknown) => ({ errors: [error], data: undefined }));
      if (response.data?.contribute) return response.data.contribute.id;
      if (attempt > 100) throw new Error(`contribute kept failing: ${JSON.stringify(response)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const watch = () => {
    const client = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${manager.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const ids: string[] = [];
    const errors: unknown[] = [];
    client.subscribe(
      {
        query:
          'subscription($poolId: ID!) { balanceChanged(poolId: $poolId) { transaction { id } } }',
        variables: { poolId },
      },
      {
        next: (event) => {
          if (event.errors) errors.push(event.errors);
          const data = event.data as { balanceChanged?: { transaction: { id: string } } };
          if (data?.balanceChanged) ids.push(data.balanceChanged.transaction.id);
        },
        error: (error) => void errors.push(error),
        complete: () => undefined,
      },
    );
    return { ids, errors };
  };
  return { stack, investor, poolId, contribute, watch };
}

/** Waits until the ledger serves `count` live subscriptions (its stream tail counts them). */
async function waitForListeners(stack: Stack, count: number) {
  await eventually(async () => {
    const text = await (await fetch(`${stack.urls.ledger}/metrics`)).text();
    expect(text).toMatch(new RegExp(`^ledger_live_subscriptions({[^}]*})? ${count}$`, 'm'));
  });
}

/** Posts `total` contributions one after another, running `fault` before the ones it names. */
async function postThrough(
  f: Fixture,
  total: number,
  faults: Record<number, () => Promise<void> | void>,
): Promise<string[]> {
  const posted: string[] = [];
  for (let i = 0; i < total; i++) {
    const fault = faults[i];
    if (fault) void Promise.resolve(fault());
    posted.push(await f.contribute());
  }
  return posted;
}

describe('resumable subscriptions', () => {
  it('delivers every event once and in order while the gateway’s upstream socket is cut', async () => {
    const f = await fixture();
    // Destroying the ledger's upgraded sockets is its replica dying under the gateway.
    const upstream = upstreamSockets(f.stack.services.ledger!.server);
    let cuts = 0;
    const cut = async () => {
      // Back to back cuts: the second waits for the gateway to have reconnected.
      await eventually(async () => expect(upstream.open()).toBeGreaterThan(0));
      upstream.cut(true);
      upstream.cut(false);
      cuts++;
    };
    const watcher = f.watch();
    await waitForListeners(f.stack, 1);
    const posted = await postThrough(f, 60, { 10: cut, 25: cut, 26: cut, 45: cut });
    await eventually(async () => expect(watcher.ids.length).toBeGreaterThanOrEqual(60), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.errors).toEqual([]);
    expect(watcher.ids).toEqual(posted);
    expect(cuts).toBe(4);
  }, 60_000);

  it('delivers what was posted while the upstream was down before its first event', async () => {
    const f = await fixture();
    const upstream = upstreamSockets(f.stack.services.ledger!.server);
    const watcher = f.watch();
    await waitForListeners(f.stack, 1);
    // No event has reached the gateway yet, so it has no event cursor to resume after: the
    // position the ledger sent when the subscription started is what it resumes from.
    upstream.cut(true);
    await waitForListeners(f.stack, 0);
    const posted = [await f.contribute(), await f.contribute()];
    upstream.cut(false);
    await waitForListeners(f.stack, 1);
    posted.push(await f.contribute());
    await eventually(async () => expect(watcher.ids.length).toBeGreaterThanOrEqual(3), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.errors).toEqual([]);
    expect(watcher.ids).toEqual(posted);
  }, 60_000);

  it('delivers every event once and in order across Redis restarts', async () => {
    const redis = await startPrivateRedis({ persistent: true });
    redises.push(redis);
    const f = await fixture({ redisUrl: redis.url });
    const watcher = f.watch();
    await waitForListeners(f.stack, 1);
    const restart = () => redis.restart();
    const posted = await postThrough(f, 50, { 10: restart, 30: restart });
    await eventually(async () => expect(watcher.ids.length).toBeGreaterThanOrEqual(50), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.errors).toEqual([]);
    expect(watcher.ids).toEqual(posted);
  }, 90_000);
});
