/**
 * Live balances at scale: C WebSocket clients of U distinct users subscribed through the
 * gateway to balanceChanged across P pools, then E contributions committed through the gateway
 * at R per second. Prints commit-to-client latency (p50/p99, from the transaction's createdAt
 * to the client receiving it), deliveries per second and gateway memory per connection, and
 * the same for a floor measured in the same run with the same clients: a bare `ws` server
 * that broadcasts one pre-serialized frame per event (bench/lib/floorServer.ts).
 *
 *   npm run bench:subscriptions -- [--clients 2000] [--users clients/5] [--pools 20] [--events 200] [--rate R]
 *
 * The users are ADMINs (operations dashboards: every event of a pool reaches each of them),
 * each with their own token; client c is user c mod U watching pool c mod P, so a user's tabs
 * watch one pool. The rate both runs are offered is half of what the floor sustains on this
 * machine (measured first, with the events sent at once) unless `--rate` sets it: a rate the
 * floor itself cannot deliver would measure the machine, not the gateway. Targets (2 cores,
 * 10,000 clients of 2,000 users): deliveries/s ≥ 0.8 × the floor's, commit-to-client p99 ≤ 2 ×
 * the floor's and < 250 ms, memory per connection ≤ 2 × the floor's. The npm script raises
 * `ulimit -n` to the hard limit: the bench holds one descriptor per client, the gateway one per
 * client and the floor too.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { expectData, graphql } from '@poolgraph/testing';
import { cpuMeter } from './lib/cpu.ts';
import { startBenchStack, type BenchUser } from './lib/processStack.ts';
import { percentile, residentBytes } from './lib/stats.ts';
import { createAdmins } from './lib/watchers.ts';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    users: { type: 'string' },
    pools: { type: 'string', default: '20' },
    events: { type: 'string', default: '200' },
    rate: { type: 'string' },
  },
});
const CLIENTS = Number(args.clients);
const USERS = Number(args.users ?? Math.ceil(CLIENTS / 5));
const POOLS = Number(args.pools);
const EVENTS = Number(args.events);
/** Events per second offered to both runs: `--rate`, else half the floor's capacity. */
let rate = Number(args.rate ?? 0);

const SUBSCRIPTION = `subscription Balance($poolId: ID!) {
  balanceChanged(poolId: $poolId) {
    cashBalance { amount }
    pool { name manager { email } }
    investor { name }
    transaction { id createdAt }
  }
}`;

type BalanceEvent = {
  data?: { balanceChanged: { transaction: { id: string; createdAt: string } } } | null;
  errors?: unknown;
};

const openFiles = Number(
  /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1],
);
console.log(
  `subscriptions bench: clients=${CLIENTS} users=${USERS} pools=${POOLS} events=${EVENTS} at ${rate ? `${rate}/s` : "half the floor's capacity"} (open files limit ${openFiles})`,
);
if (openFiles < CLIENTS + 1_000) {
  console.log(
    `  raise it: ulimit -n ${CLIENTS + 1_000} (or run through npm run bench:subscriptions)`,
  );
}

/** C graphql-ws clients, connected in batches (a burst of SYNs overflows the accept backlog). */
async function connectClients(
  url: string,
  tokenOf: (c: number) => string,
  poolOf: (c: number) => string,
) {
  const run = {
    latencies: [] as number[],
    /** From the mutation's answer (the commit is done by then) to the client; 0 if earlier. */
    afterAnswer: [] as number[],
    delivered: 0,
    failures: 0,
    lastDelivery: 0,
  };
  const clients: Client[] = [];
  const refusals = new Map<string, number>();
  for (let start = 0; start < CLIENTS; start += 250) {
    const ready: Array<Promise<void>> = [];
    for (let c = start; c < Math.min(start + 250, CLIENTS); c++) {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokenOf(c)}` },
        lazy: false,
        retryAttempts: 0,
        keepAlive: 0,
        // One subscription per client: the same id everywhere lets the floor send one frame.
        generateID: () => '1',
        onNonLazyError: () => void run.failures++,
      });
      clients.push(client);
      ready.push(
        new Promise((done) => {
          client.on('connected', () => done());
          // A refused connection must not stall the batch: count it and say why.
          client.on('closed', (event) => {
            const { code, reason } = event as { code?: number; reason?: string };
            if (code !== 1000)
              refusals.set(`${code} ${reason}`, (refusals.get(`${code} ${reason}`) ?? 0) + 1);
            done();
          });
        }),
      );
      client.subscribe<BalanceEvent['data']>(
        { query: SUBSCRIPTION, variables: { poolId: poolOf(c) } },
        {
          next: (event: BalanceEvent) => {
            const transaction = event.data?.balanceChanged.transaction;
            if (!transaction) return void run.failures++;
            run.lastDelivery = Date.now();
            run.latencies.push(run.lastDelivery - Date.parse(transaction.createdAt));
            const answered = answeredAt.get(transaction.id);
            run.afterAnswer.push(
              answered === undefined ? 0 : Math.max(0, run.lastDelivery - answered),
            );
            run.delivered++;
          },
          error: () => void run.failures++,
          complete: () => {},
        },
      );
    }
    await Promise.all(ready);
  }
  if (refusals.size)
    console.log(`  connections closed while connecting: ${JSON.stringify([...refusals])}`);
  const reset = () => {
    run.latencies.length = 0;
    run.afterAnswer.length = 0;
    run.delivered = 0;
    run.failures = 0;
  };
  const waitFor = async (count: number) => {
    const deadline = Date.now() + 30_000;
    while (run.delivered + run.failures < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
  };
  return { run, reset, waitFor, dispose: () => Promise.all(clients.map((c) => c.dispose())) };
}

/** Warm-up (one event per pool, not counted), then E events at R per second; the figures. */
async function measure(
  label: string,
  clients: Awaited<ReturnType<typeof connectClients>>,
  fire: (pool: number, key: string) => Promise<unknown>,
  /** The processes whose CPU per delivery is printed (the server measured, the bench). */
  pids: Record<string, number | undefined>,
  /** When to fire each event, ms after the start; default: at `rate` per second. */
  schedule?: number[],
) {
  clients.reset(); // the same clients may have been measured before
  await Promise.all(Array.from({ length: POOLS }, (_, p) => fire(p, `warmup-${p}`)));
  await clients.waitFor(CLIENTS);
  clients.reset();
  const meter = cpuMeter(pids);
  const started = Date.now();
  const posts: Array<Promise<unknown>> = [];
  const fireMs: number[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const at = started + (schedule ? schedule[e]! : (e * 1000) / rate);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    const t = Date.now();
    posts.push(fire(e % POOLS, `bench-${e}`).then(() => void fireMs.push(Date.now() - t)));
  }
  await Promise.all(posts);
  const expected = EVENTS * (CLIENTS / POOLS);
  await clients.waitFor(expected);
  const { run } = clients;
  const sorted = run.latencies.sort((a, b) => a - b);
  const seconds = (run.lastDelivery - started) / 1000;
  const perSecond = run.delivered / seconds;
  console.log(
    `${label}: delivered ${run.delivered} of ${expected} (${run.failures} errors) in ${seconds.toFixed(2)} s = ${perSecond.toFixed(0)} deliveries/s; ` +
      `commit-to-client p50 ${percentile(sorted, 50)} ms p99 ${percentile(sorted, 99)} ms max ${sorted.at(-1)} ms`,
  );
  const cpu = meter.msPer(run.delivered, Object.keys(pids));
  console.log(
    `  cpu ${meter.report()}; per delivery: ${Object.entries(cpu)
      .map(([name, ms]) => `${name} ${(1000 * ms).toFixed(0)} µs`)
      .join(' · ')}`,
  );
  fireMs.sort((a, b) => a - b);
  const afterAnswer = run.afterAnswer.sort((a, b) => a - b);
  console.log(
    `  the event's mutation took p50 ${percentile(fireMs, 50)} ms p99 ${percentile(fireMs, 99)} ms; ` +
      `from its answer (commit done) to the client: p50 ${percentile(afterAnswer, 50)} ms p99 ${percentile(afterAnswer, 99)} ms`,
  );
  return {
    perSecond,
    p99: percentile(sorted, 99),
    p99AfterAnswer: percentile(afterAnswer, 99),
    complete: run.delivered === expected,
  };
}

/** When each transaction's mutation was answered, by transaction id. */
const answeredAt = new Map<string, number>();

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const kbPerConnection = (before: number, after: number) => (after - before) / CLIENTS / 1024;
const perConnection = (before: number, after: number) =>
  `${mb(before)} → ${mb(after)} MB = ${kbPerConnection(before, after).toFixed(1)} KB per connection`;

const stack = await startBenchStack();
try {
  const call = async <T>(user: BenchUser, query: string, variables: Record<string, unknown> = {}) =>
    expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));

  // P pools, each with a manager and one investor who pays in.
  const pools: Array<{ id: string; investor: BenchUser }> = [];
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
      {
        id: createPool.id,
      },
    );
    pools.push({ id: createPool.id, investor });
  }
  const setUpStarted = Date.now();
  const tokens = await createAdmins(stack, USERS);
  console.log(`  ${USERS} users signed up in ${((Date.now() - setUpStarted) / 1000).toFixed(0)} s`);
  const tokenOf = (c: number) => tokens[c % USERS]!;
  const poolOf = (c: number) => pools[c % POOLS]!.id;

  // The floor first, with the same clients: what this machine delivers with no GraphQL at all.
  const floor = fork(resolve(import.meta.dirname, 'lib/floorServer.ts'), [], {
    execArgv: ['--import', 'tsx'],
  });
  const floorPort = await new Promise<number>((done) =>
    floor.once('message', (m) => done((m as { port: number }).port)),
  );
  const floorBefore = await residentBytes(floor.pid);
  const floorClients = await connectClients(`ws://127.0.0.1:${floorPort}`, tokenOf, poolOf);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const floorAfter = await residentBytes(floor.pid);
  const floorPids = { floor: floor.pid, bench: process.pid };
  const fireFloor = async (pool: number) => {
    const payload = {
      data: {
        balanceChanged: {
          cashBalance: { amount: '10.00' },
          pool: { name: `Bench pool ${pool}`, manager: { email: 'manager@bench.poolgraph.dev' } },
          investor: { name: 'investor' },
          transaction: { createdAt: new Date().toISOString() },
        },
      },
    };
    floor.send({ poolId: pools[pool]!.id, payload });
  };
  if (!rate) {
    const capacity = await measure(
      'floor capacity (every event sent at once)',
      floorClients,
      fireFloor,
      floorPids,
      Array.from({ length: EVENTS }, () => 0),
    );
    rate = Math.max(1, Math.floor(capacity.perSecond / (CLIENTS / POOLS) / 2));
    console.log(`  offered to both runs: ${rate} events/s (half the floor's capacity)`);
  }
  const floorFigures = await measure('floor (bare ws)', floorClients, fireFloor, floorPids);
  const floorKb = kbPerConnection(floorBefore, floorAfter);
  console.log(`  floor memory: ${perConnection(floorBefore, floorAfter)}`);
  await floorClients.dispose();
  floor.kill();

  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const gatewayBefore = await residentBytes(stack.pidOf('gateway'));
  const ledgerBefore = await residentBytes(stack.pidOf('ledger'));
  const connectStarted = Date.now();
  const clients = await connectClients(stack.gatewayUrl.replace(/^http/, 'ws'), tokenOf, poolOf);
  console.log(
    `  ${CLIENTS} clients connected in ${((Date.now() - connectStarted) / 1000).toFixed(1)} s`,
  );
  // Subscriptions travel gateway → ledger → Redis asynchronously after connecting.
  await new Promise((resolve) => setTimeout(resolve, Math.max(2_000, CLIENTS / 2)));
  const gatewayAfter = await residentBytes(stack.pidOf('gateway'));
  const ledgerAfter = await residentBytes(stack.pidOf('ledger'));
  const ours = await measure(
    `gateway at ${rate} events/s`,
    clients,
    async (pool, key) => {
      const { contribute } = await call<{ contribute: { id: string } }>(
        pools[pool]!.investor,
        'mutation($poolId: ID!, $key: String!) { contribute(poolId: $poolId, amount: "10.00", idempotencyKey: $key) { id } }',
        { poolId: pools[pool]!.id, key },
      );
      answeredAt.set(contribute.id, Date.now());
    },
    { ...stack.processes(), bench: process.pid },
  );
  // Where an event's time goes in the gateway: its resolution (entity fetches), on average.
  const metrics = await fetch(stack.gatewayUrl.replace('/graphql', '/metrics')).then((r) =>
    r.text(),
  );
  const sample = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics)?.[1]);
  const resolutionSum = sample('graphql_subscription_event_duration_seconds_sum');
  const resolutions = sample('graphql_subscription_event_duration_seconds_count');
  console.log(
    `  gateway: ${resolutions} event resolutions, ${((1000 * resolutionSum) / resolutions).toFixed(1)} ms each on average`,
  );
  console.log(
    `  memory: gateway ${perConnection(gatewayBefore, gatewayAfter)}; ledger ${mb(ledgerBefore)} → ${mb(ledgerAfter)} MB`,
  );
  await clients.dispose();

  const ratio = ours.perSecond / floorFigures.perSecond;
  const gatewayKb = kbPerConnection(gatewayBefore, gatewayAfter);
  const met =
    ours.complete &&
    ratio >= 0.8 &&
    ours.p99 <= 2 * floorFigures.p99 &&
    ours.p99 < 250 &&
    gatewayKb <= 2 * floorKb;
  console.log(
    `gateway / floor: deliveries/s ${ratio.toFixed(2)} (target ≥ 0.8) · p99 ${(ours.p99 / floorFigures.p99).toFixed(1)}× (target ≤ 2× and < 250 ms) · ` +
      `memory per connection ${(gatewayKb / floorKb).toFixed(1)}× (target ≤ 2×)`,
  );
  console.log(
    `target: ${CLIENTS} clients of ${USERS} users → ${met ? 'met' : 'NOT met'} (gateway p99 from the mutation's answer: ${ours.p99AfterAnswer} ms)`,
  );
} finally {
  await stack.stop();
}
