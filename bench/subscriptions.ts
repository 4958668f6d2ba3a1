/**
 * Live balances at scale: N WebSocket clients subscribed through the gateway to
 * balanceChanged across P pools, then M contributions committed through the gateway. Prints
 * commit-to-client latency (p50/p99, from the transaction's createdAt to the client receiving
 * it), events delivered per second, and gateway memory per connection.
 *
 *   npm run bench:subscriptions -- [--clients 2000] [--pools 20] [--events 200] [--rate 50] [--sessions 1]
 *
 * Target (2 cores): 2,000 clients with p99 < 250 ms, measured after one warm-up event per pool. Each pool's manager watches it from
 * clients/pools connections (dashboards, devices); every event reaches those clients. The
 * connections of one pool use `sessions` distinct logins: identical subscriptions of one session
 * share their resolution in the gateway, so --sessions = clients/pools is the worst case.
 */
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { expectData, graphql } from '@poolgraph/testing';
import { startBenchStack, type BenchUser } from './lib/processStack.ts';
import { percentile, residentBytes } from './lib/stats.ts';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    pools: { type: 'string', default: '20' },
    events: { type: 'string', default: '200' },
    rate: { type: 'string', default: '50' },
    sessions: { type: 'string', default: '1' },
  },
});
const CLIENTS = Number(args.clients);
const POOLS = Number(args.pools);
const EVENTS = Number(args.events);
const RATE = Number(args.rate);
const SESSIONS = Number(args.sessions);

const SUBSCRIPTION = `subscription Balance($poolId: ID!) {
  balanceChanged(poolId: $poolId) {
    cashBalance { amount }
    pool { name manager { email } }
    investor { name }
    transaction { createdAt }
  }
}`;

type BalanceEvent = {
  data?: { balanceChanged: { transaction: { createdAt: string } } } | null;
  errors?: unknown;
};

console.log(
  `subscriptions bench: clients=${CLIENTS} pools=${POOLS} sessions per pool=${SESSIONS} events=${EVENTS} at ${RATE}/s`,
);
const stack = await startBenchStack();
const sockets: Client[] = [];
try {
  const call = async <T>(
    user: BenchUser | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ) => expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user?.token }));

  // P pools, each with a manager who watches it and one investor who pays in.
  const pools: Array<{ id: string; manager: BenchUser; investor: BenchUser; sessions: string[] }> =
    [];
  for (let p = 0; p < POOLS; p++) {
    const [manager, investor] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
    ]);
    const { createPool } = await call<{ createPool: { id: string } }>(
      manager,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: `Bench pool ${p}`, currency: 'USD' } },
    );
    await call(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: createPool.id });
    await call(
      investor,
      'mutation($id: ID!) { joinPool(poolId: $id, commitment: "1000000") { id } }',
      { id: createPool.id },
    );
    const sessions = [manager.token];
    while (sessions.length < SESSIONS) sessions.push((await stack.logIn(manager)).token);
    pools.push({ id: createPool.id, manager, investor, sessions });
  }

  // Let the set-up's garbage be collected before the baseline (RSS deltas are noisy otherwise).
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const gatewayBefore = await residentBytes(stack.pidOf('gateway'));
  const ledgerBefore = await residentBytes(stack.pidOf('ledger'));
  const latencies: number[] = [];
  let delivered = 0;
  let failures = 0;
  let lastDelivery = 0;
  const ready: Array<Promise<void>> = [];
  for (let c = 0; c < CLIENTS; c++) {
    const pool = pools[c % POOLS]!;
    const client = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: {
        authorization: `Bearer ${pool.sessions[Math.floor(c / POOLS) % SESSIONS]}`,
      },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
    });
    sockets.push(client);
    ready.push(new Promise((resolve) => client.on('connected', () => resolve())));
    client.subscribe<BalanceEvent['data']>(
      { query: SUBSCRIPTION, variables: { poolId: pool.id } },
      {
        next: (event: BalanceEvent) => {
          const createdAt = event.data?.balanceChanged.transaction.createdAt;
          if (!createdAt) {
            failures++;
            return;
          }
          lastDelivery = Date.now();
          latencies.push(lastDelivery - Date.parse(createdAt));
          delivered++;
        },
        error: () => void failures++,
        complete: () => {},
      },
    );
  }
  await Promise.all(ready);
  // Subscriptions travel gateway → ledger → Redis asynchronously after connecting.
  await new Promise((resolve) => setTimeout(resolve, Math.max(2_000, CLIENTS)));
  const gatewayAfter = await residentBytes(stack.pidOf('gateway'));
  const ledgerAfter = await residentBytes(stack.pidOf('ledger'));

  const contribute = (pool: (typeof pools)[number], key: string) =>
    call(
      pool.investor,
      'mutation($poolId: ID!, $key: String!) { contribute(poolId: $poolId, amount: "10.00", idempotencyKey: $key) { id } }',
      { poolId: pool.id, key },
    );
  const waitForDeliveries = async (count: number) => {
    const deadline = Date.now() + 30_000;
    while (delivered + failures < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
  };

  // Warm-up, not measured: one event per pool, so every path has run once (JIT, plans, pools).
  await Promise.all(pools.map((pool, p) => contribute(pool, `warmup-${p}`)));
  await waitForDeliveries(CLIENTS);
  latencies.length = 0;
  delivered = 0;
  failures = 0;

  const started = Date.now();
  const posts: Array<Promise<unknown>> = [];
  for (let e = 0; e < EVENTS; e++) {
    posts.push(contribute(pools[e % POOLS]!, `bench-${e}`));
    await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
  }
  await Promise.all(posts);
  const expected = EVENTS * (CLIENTS / POOLS);
  await waitForDeliveries(expected);

  const sorted = latencies.sort((a, b) => a - b);
  const seconds = (lastDelivery - started) / 1000;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `delivered ${delivered} of ${expected} events (${failures} errors) in ${seconds.toFixed(2)} s = ${(delivered / seconds).toFixed(0)} events/s`,
  );
  console.log(
    `commit-to-client latency: p50 ${percentile(sorted, 50)} ms   p99 ${percentile(sorted, 99)} ms   max ${sorted.at(-1)} ms`,
  );
  console.log(
    `memory: gateway ${mb(gatewayBefore)} → ${mb(gatewayAfter)} MB = ${((gatewayAfter - gatewayBefore) / CLIENTS / 1024).toFixed(1)} KB per connection; ` +
      `ledger ${mb(ledgerBefore)} → ${mb(ledgerAfter)} MB = ${((ledgerAfter - ledgerBefore) / CLIENTS / 1024).toFixed(1)} KB per subscription`,
  );
  console.log(
    `target: ${CLIENTS} clients with p99 < 250 ms → ${percentile(sorted, 99) < 250 && delivered === expected ? 'met' : 'NOT met'}`,
  );
} finally {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await stack.stop();
}
