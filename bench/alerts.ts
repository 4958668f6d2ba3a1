/**
 * Alerts: (1) the spike detector on the real Redis — a synthetic stream of E events over P
 * pools, one EVALSHA per event, pipelined — beside a floor measured in the same run (as many
 * bare EVALSHA calls of an empty script, pipelined the same way); (2) end to end, `contribute`
 * through the gateway → `alertRaised` at a WebSocket client, at R transactions/s.
 *
 *   npm run bench:alerts -- [--events 1000000] [--pools 1000] [--pipeline 500] [--tx 2000] [--rate 200] [--members 20]
 *
 * Targets: detector ≥ 50% of the EVALSHA floor and ≥ 50,000 events/s; end to end p99 < 200 ms.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { deleteRedisKeys, expectData, graphql, TEST_REDIS_URL } from '@poolgraph/testing';
import { SPIKE_SCRIPT, SPIKE_SHA, spikeArgs, spikeKeys } from '@poolgraph/alerts/detection';
import { streamIdMs, uuidv7Ms } from '@poolgraph/events';
import { startBenchStack, type BenchUser } from './lib/processStack.ts';
import { loadAverage, percentile } from './lib/stats.ts';
import { tailStream } from './lib/streamTail.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    pools: { type: 'string', default: '1000' },
    pipeline: { type: 'string', default: '500' },
    tx: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    members: { type: 'string', default: '20' },
    'skip-e2e': { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const POOLS = Number(args.pools);
const PIPELINE = Number(args.pipeline);
const TX = Number(args.tx);
const RATE = Number(args.rate);
const MEMBERS = Number(args.members);

const PARAMS = { windowSeconds: 300, baselineSeconds: 3600, spikeFactor: 10, minCount: 5 };
const EMPTY = 'return 0';

/** Sends `count` calls in pipelines of PIPELINE, several in flight (as a busy worker would). */
async function pipelined(
  redis: Redis,
  count: number,
  add: (p: ReturnType<Redis['pipeline']>, i: number) => void,
) {
  const started = performance.now();
  const inFlight = 4;
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + PIPELINE);
        const p = redis.pipeline();
        for (let i = from; i < next; i++) add(p, i);
        const results = await p.exec();
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function detectorBench() {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = `pgbench:alerts:${randomUUID().slice(0, 8)}:`;
  try {
    await redis.script('LOAD', SPIKE_SCRIPT);
    const emptySha = (await redis.script('LOAD', EMPTY)) as string;
    const poolIds = Array.from({ length: POOLS }, () => randomUUID());
    // One hour of event time ending now, in order, pools interleaved at random.
    const now = Date.now();
    const span = 3600_000;
    const before = await commandCalls(redis);
    const detectorSeconds = await pipelined(redis, EVENTS, (p, i) => {
      const pool = poolIds[(i * 7919) % POOLS]!;
      const at = now - span + Math.floor((i / EVENTS) * span);
      p.evalsha(
        SPIKE_SHA,
        spikeKeys(prefix, pool).length,
        ...spikeKeys(prefix, pool),
        ...spikeArgs(PARAMS, [{ id: `e${i}`, atMs: at }], at),
      );
    });
    const after = await commandCalls(redis);
    // The floor: the same calls (keys and arguments) to a script that does nothing.
    const floorSeconds = await pipelined(redis, EVENTS, (p, i) => {
      const pool = poolIds[(i * 7919) % POOLS]!;
      const at = now - span + Math.floor((i / EVENTS) * span);
      p.evalsha(
        emptySha,
        spikeKeys(prefix, pool).length,
        ...spikeKeys(prefix, pool),
        ...spikeArgs(PARAMS, [{ id: `e${i}`, atMs: at }], at),
      );
    });
    const bareSeconds = await pipelined(redis, EVENTS, (p) => {
      p.evalsha(emptySha, 0);
    });
    let bytes = 0;
    for (const pool of poolIds.slice(0, 100)) {
      for (const key of spikeKeys(prefix, pool))
        bytes += Number((await redis.memory('USAGE', key)) ?? 0);
    }
    const detectorRate = EVENTS / detectorSeconds;
    const floorRate = EVENTS / floorSeconds;
    console.log(`detector: ${EVENTS} events over ${POOLS} pools, pipelines of ${PIPELINE}`);
    console.log(
      `  detector (spike.lua)   ${detectorRate.toFixed(0).padStart(8)} events/s  (${detectorSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  floor (empty EVALSHA)  ${floorRate.toFixed(0).padStart(8)} calls/s   (${floorSeconds.toFixed(2)} s; same keys and arguments)`,
    );
    console.log(
      `  bare EVALSHA, no args  ${(EVENTS / bareSeconds).toFixed(0).padStart(8)} calls/s   (${bareSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  ratio                  ${((100 * detectorRate) / floorRate).toFixed(1)}% of the floor (target ≥ 50%)`,
    );
    console.log(
      `  client→Redis requests  1 EVALSHA per event (${(1 / PIPELINE).toFixed(4)} network round trips per event)`,
    );
    console.log(
      `  Redis commands inside  ${((after - before) / EVENTS).toFixed(2)} per event (from INFO commandstats)`,
    );
    console.log(
      `  memory per pool        ${(bytes / 100).toFixed(0)} bytes (MEMORY USAGE of its key, mean of 100 pools)`,
    );
  } finally {
    await deleteRedisKeys(TEST_REDIS_URL, prefix);
    redis.disconnect();
  }
}

/** Total calls of the commands the script runs, from INFO commandstats. */
async function commandCalls(redis: Redis): Promise<number> {
  const info = await redis.info('commandstats');
  let total = 0;
  for (const match of info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)) {
    if (
      [
        'hmget',
        'hset',
        'hget',
        'hdel',
        'hincrby',
        'zadd',
        'zcard',
        'zremrangebyrank',
        'pexpire',
        'del',
      ].includes(match[1]!)
    ) {
      total += Number(match[2]);
    }
  }
  return total;
}

async function endToEndBench() {
  const stack = await startBenchStack();
  try {
    const call = async <T>(
      user: BenchUser,
      query: string,
      variables: Record<string, unknown> = {},
    ) => expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));
    const manager = await stack.signUp('MANAGER');
    const { createPool } = await call<{ createPool: { id: string } }>(
      manager,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: 'Bench alerts pool', currency: 'USD' } },
    );
    const poolId = createPool.id;
    await call(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    const members: BenchUser[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const investor = await stack.signUp('INVESTOR');
      await call(
        investor,
        'mutation($p: ID!) { joinPool(poolId: $p, commitment: "100000000") { id } }',
        { p: poolId },
      );
      members.push(investor);
    }
    // Every contribution is LARGE (threshold 1.00); spikes off so each raises exactly one alert.
    const SET = 'mutation($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }';
    await call(manager, SET, { i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '1' } });
    await call(manager, SET, { i: { poolId, kind: 'TRANSACTION_SPIKE', enabled: false } });

    const sentAt = new Map<string, number>();
    // When the relay published each alert to the stream the alerts subgraph tails.
    const publishedAt = new Map<string, number>();
    // Epoch ms, from timestamps the events carry: the alert's raisedAt (the consumer's
    // transaction, just before its commit) and its alerts.raised entry id (the relay's XADD).
    const raisedEpoch = new Map<string, number>();
    const publishedEpoch = new Map<string, number>();
    // The ledger relay's XADD time is in each ledger.events entry's id, and the ledger wrote
    // each event when its UUIDv7 id was made (in the posting transaction).
    const relayedEpoch = new Map<string, number>();
    const writtenEpoch = new Map<string, number>();
    const stopTails = [
      tailStream(`${stack.redisPrefix}alerts.raised`, (streamId, event) => {
        const transactionId = event.payload?.transactionId;
        if (!transactionId) return;
        publishedAt.set(transactionId, performance.now());
        raisedEpoch.set(transactionId, Date.parse(event.payload?.raisedAt ?? ''));
        publishedEpoch.set(transactionId, streamIdMs(streamId));
      }),
      // Read as it grows: the relay trims entries every consumer group has acknowledged.
      tailStream(`${stack.redisPrefix}ledger.events`, (streamId, event) => {
        const transactionId = event.payload?.transactionId;
        if (!transactionId || !event.id) return;
        relayedEpoch.set(transactionId, streamIdMs(streamId));
        writtenEpoch.set(transactionId, uuidv7Ms(event.id));
      }),
    ];
    const arrivedAt = new Map<string, number>();
    const client = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${manager.token}` },
    });
    client.subscribe(
      {
        query: 'subscription($p: ID) { alertRaised(poolId: $p) { id transaction { id } } }',
        variables: { p: poolId },
      },
      {
        next: (event) => {
          const id = (event.data?.alertRaised as { transaction: { id: string } } | undefined)
            ?.transaction.id;
          if (id) arrivedAt.set(id, performance.now());
        },
        error: (error) => console.error('subscription error', error),
        complete: () => {},
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const CONTRIBUTE =
      'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "10", idempotencyKey: $k) { id } }';
    // Open loop at RATE/s, at most MAX_IN_FLIGHT requests outstanding (a saturated stack shows
    // as a lower achieved rate and longer latencies, not as thousands of queued sockets).
    const MAX_IN_FLIGHT = 64;
    let inFlight = 0;
    let failures = 0;
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < TX; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      while (inFlight >= MAX_IN_FLIGHT) await new Promise((resolve) => setTimeout(resolve, 1));
      const t = performance.now();
      inFlight++;
      pending.push(
        call<{ contribute: { id: string } }>(members[i % MEMBERS]!, CONTRIBUTE, {
          p: poolId,
          k: randomUUID(),
        })
          .then(({ contribute }) => void sentAt.set(contribute.id, t))
          .catch(() => void failures++)
          .finally(() => void inFlight--),
      );
    }
    await Promise.all(pending);
    const sendSeconds = (performance.now() - started) / 1000;
    const deadline = Date.now() + 30_000;
    while (arrivedAt.size < TX && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await Promise.all(stopTails.map((stop) => stop()));
    const epochOffset = Date.now() - performance.now();
    const relayedAt = new Map([...relayedEpoch].map(([id, epoch]) => [id, epoch - epochOffset]));
    const sorted = (values: number[]) => values.sort((a, b) => a - b);
    const toRelay = sorted(
      [...sentAt].flatMap(([id, t]) => (relayedAt.has(id) ? [relayedAt.get(id)! - t] : [])),
    );
    const toWritten = sorted(
      [...sentAt].flatMap(([id, t]) =>
        writtenEpoch.has(id) ? [writtenEpoch.get(id)! - (t + epochOffset)] : [],
      ),
    );
    const writtenToRelay = sorted(
      [...writtenEpoch].flatMap(([id, t]) =>
        relayedEpoch.has(id) ? [relayedEpoch.get(id)! - t] : [],
      ),
    );
    const afterRelay = sorted(
      [...arrivedAt].flatMap(([id, t]) => (relayedAt.has(id) ? [t - relayedAt.get(id)!] : [])),
    );
    const toPublish = sorted(
      [...publishedAt].flatMap(([id, t]) => (relayedAt.has(id) ? [t - relayedAt.get(id)!] : [])),
    );
    const toRaised = sorted(
      [...raisedEpoch].flatMap(([id, t]) =>
        relayedEpoch.has(id) ? [t - relayedEpoch.get(id)!] : [],
      ),
    );
    const raisedToPublished = sorted(
      [...publishedEpoch].flatMap(([id, t]) =>
        raisedEpoch.has(id) ? [t - raisedEpoch.get(id)!] : [],
      ),
    );
    const toClient = sorted(
      [...arrivedAt].flatMap(([id, t]) => (publishedAt.has(id) ? [t - publishedAt.get(id)!] : [])),
    );
    const latencies = [...sentAt].flatMap(([id, t]) =>
      arrivedAt.has(id) ? [arrivedAt.get(id)! - t] : [],
    );
    latencies.sort((a, b) => a - b);
    console.log(
      `end to end: ${TX} contributions at ${RATE}/s (sent in ${sendSeconds.toFixed(1)} s = ${(TX / sendSeconds).toFixed(0)}/s; load average ${loadAverage()})`,
    );
    console.log(
      `  alertRaised received   ${latencies.length} of ${TX} (${failures} contributions failed)`,
    );
    console.log(
      `  contribute → alertRaised  p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms (target p99 < 200 ms)`,
    );
    const hop = (label: string, values: number[]) =>
      console.log(
        `${label.padEnd(72)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   (${values.length})`,
      );
    hop('  of which: contribute → in ledger.events', toRelay);
    hop('              contribute → written (gateway, posting transaction)', toWritten);
    hop('              written → in ledger.events (commit, ledger relay)', writtenToRelay);
    hop('            ledger.events → alertRaised', afterRelay);
    hop('            ledger.events → alert committed and published', toPublish);
    hop("              in ledger.events → raised (alerts' consumer, before commit)", toRaised);
    hop('              raised → in alerts.raised (commit, alerts relay)', raisedToPublished);
    hop('            published → client (gateway)', toClient);
    await client.dispose();
  } finally {
    await stack.stop();
  }
}

await detectorBench();
if (!args['skip-e2e']) await endToEndBench();
process.exit(0);
