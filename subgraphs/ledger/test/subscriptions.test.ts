import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';

// Live balances through the gateway: a client on gateway A receives contributions that were
// sent to gateway B, resolved across subgraphs per event. One Redis carries the events.
let stack: Stack;
let gatewayB: string;
let manager: TestUser;
let investor: TestUser;
let outsider: TestUser;
let poolId: string;
const clients: Client[] = [];

async function as<T>(
  user: TestUser,
  query: string,
  variables: Record<string, unknown> = {},
  url = stack.gatewayUrl,
) {
  return expectData(await graphql<T>(url, query, variables, { token: user.token }));
}

function connect(token: string | undefined, onClosed?: (code: number) => void) {
  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });
  clients.push(client);
  return client;
}

const BALANCE = `subscription Balance($poolId: ID!) {
  balanceChanged(poolId: $poolId) {
    cashBalance { amount }
    pool { name manager { email } }
    investor { name }
    transaction { id type amount { amount currency } }
  }
}`;

function watch(client: Client, query = BALANCE) {
  const events: Array<{ data?: Record<string, unknown> | null; errors?: unknown }> = [];
  let completed = false;
  const stop = client.subscribe(
    { query, variables: { poolId } },
    {
      next: (event) => void events.push(event),
      error: (errors) => void events.push({ errors }),
      complete: () => (completed = true),
    },
  );
  return { events, stop, completed: () => completed };
}

/**
 * Subscriptions reach the ledger asynchronously: wait until it serves `count` of them (its
 * stream tail counts them; the metric reads that count).
 */
async function waitForListeners(count: number) {
  await eventually(async () => {
    const text = await (await fetch(`${stack.urls.ledger}/metrics`)).text();
    expect(text).toMatch(new RegExp(`^ledger_live_subscriptions({[^}]*})? ${count}$`, 'm'));
  });
}

/** How many times the gateway has resolved an event (once per shared subscription source). */
async function resolutions(): Promise<number> {
  const text = await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const count = /^graphql_subscription_event_duration_seconds_count(?:{[^}]*})? (\d+)$/m.exec(text);
  return Number(count?.[1] ?? 0);
}

let keys = 0;
const contribute = (amount: string, url?: string) =>
  as<{ contribute: { id: string } }>(
    investor,
    'mutation($poolId: ID!, $amount: Decimal!, $key: String!) { contribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) { id } }',
    { poolId, amount, key: `sub-${keys++}` },
    url,
  );

beforeAll(async () => {
  stack = await startStack();
  gatewayB = (await stack.startGateway()).url;
  manager = await stack.signUp('MANAGER', 'Mia Manager');
  investor = await stack.signUp('INVESTOR', 'Ivo Investor');
  outsider = await stack.signUp('INVESTOR', 'Olga Outsider');
  const { createPool } = await as<{ createPool: { id: string } }>(
    manager,
    'mutation { createPool(input: { name: "Live Fund", currency: "USD", minContribution: "10.00" }) { id } }',
  );
  poolId = createPool.id;
  await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
  await as(investor, 'mutation($id: ID!) { joinPool(poolId: $id, commitment: "1000.00") { id } }', {
    id: poolId,
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.stop();
});

describe('balanceChanged through two gateways', () => {
  it('delivers a contribution sent to the other gateway, with fields of every subgraph', async () => {
    const { events, stop } = watch(connect(manager.token));
    await waitForListeners(1);
    const { contribute: posted } = await contribute('125.50', gatewayB);
    // How fast is for the benchmark to measure on a quiet machine (npm run bench:subscriptions,
    // commit-to-client p99); this checks that the event arrives, whole, however busy the machine.
    await eventually(async () => expect(events.length).toBeGreaterThan(0));
    expect(events[0]).toEqual({
      data: {
        balanceChanged: {
          cashBalance: { amount: '125.50' },
          pool: { name: 'Live Fund', manager: { email: manager.email } },
          investor: { name: 'Ivo Investor' },
          transaction: {
            id: posted.id,
            type: 'CONTRIBUTION',
            amount: { amount: '125.50', currency: 'USD' },
          },
        },
      },
    });
    await contribute('10.00', gatewayB);
    await eventually(async () => expect(events.length).toBeGreaterThan(1));
    expect(events[1]?.data).toMatchObject({
      balanceChanged: { cashBalance: { amount: '135.50' } },
    });

    // Leaving frees the subscription all the way down to Redis.
    stop();
    await waitForListeners(0);
  });

  it('lets a member follow their own transactions', async () => {
    const { events, stop } = watch(
      connect(investor.token),
      'subscription($poolId: ID!) { transactionPosted(poolId: $poolId) { amount { amount } investor { id } } }',
    );
    await waitForListeners(1);
    await contribute('20.00');
    await eventually(async () => expect(events.length).toBeGreaterThan(0));
    expect(events[0]?.data).toEqual({
      transactionPosted: { amount: { amount: '20.00' }, investor: { id: investor.userId } },
    });
    stop();
    await waitForListeners(0);
  });

  it('resolves an event once for each user it reaches, however many members watch the pool', async () => {
    // An event reaches the pool's manager, the investor it is about and admins: the ledger
    // filters it out of every other member's subscription. So the gateway resolves it (entity
    // fetches included) once per user it reaches, not once per member or socket watching.
    const others = await Promise.all([1, 2, 3, 4].map(() => stack.signUp('INVESTOR')));
    for (const member of others) {
      await as(
        member,
        'mutation($id: ID!) { joinPool(poolId: $id, commitment: "100.00") { id } }',
        {
          id: poolId,
        },
      );
    }
    // Fields of the pools and users subgraphs that members may read too (not the manager's email).
    const query = `subscription($poolId: ID!) {
      balanceChanged(poolId: $poolId) { pool { name } investor { name } transaction { id } }
    }`;
    const tabs = (user: TestUser) => [1, 2].map(() => watch(connect(user.token), query));
    const reached = [...tabs(manager), ...tabs(investor)];
    const passedBy = others.flatMap(tabs);
    try {
      // One upstream subscription per user, whatever their tabs.
      await waitForListeners(2 + others.length);
      const before = await resolutions();
      const { contribute: posted } = await contribute('30.00');
      await eventually(async () => {
        for (const w of reached) expect(JSON.stringify(w.events)).toContain(posted.id);
        expect(await resolutions()).toBe(before + 2);
      });
      expect(reached.map((w) => w.events[0]?.errors)).toEqual(reached.map(() => undefined));
      // The others' subscriptions read the same stream: they would have had it by now.
      expect(passedBy.map((w) => w.events.length)).toEqual(passedBy.map(() => 0));
    } finally {
      for (const w of [...reached, ...passedBy]) w.stop();
      await waitForListeners(0);
    }
  });

  it('gives an investor outside the pool an error and no events', async () => {
    const watcher = watch(connect(outsider.token));
    await eventually(async () =>
      expect(watcher.events.length > 0 || watcher.completed()).toBe(true),
    );
    // The manager's subscription receives the contribution: had the outsider's been live, it
    // would have received it by then too (both read the same stream), so no fixed wait.
    const managerWatch = watch(connect(manager.token));
    await waitForListeners(1);
    await contribute('15.00');
    await eventually(async () => expect(managerWatch.events.length).toBeGreaterThan(0));
    managerWatch.stop();
    expect(watcher.events).toHaveLength(1);
    expect(JSON.stringify(watcher.events[0])).toContain('FORBIDDEN');
    expect(watcher.events[0]?.data ?? null).toBeNull();
  });

  it('gives another manager an error for a pool that is not theirs', async () => {
    const other = await stack.signUp('MANAGER');
    const watcher = watch(connect(other.token));
    await eventually(async () => expect(watcher.events.length).toBeGreaterThan(0));
    expect(JSON.stringify(watcher.events[0])).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('closes the socket with 4401 for a bad token or none', async () => {
    const codes: number[] = [];
    connect('bad.token.here', (code) => codes.push(code));
    connect(undefined, (code) => codes.push(code));
    await eventually(async () => expect(codes.length === 2).toBe(true));
    expect(codes).toEqual([4401, 4401]);
  });
});
