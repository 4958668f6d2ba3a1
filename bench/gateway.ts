/**
 * Gateways compared on one federated query (users, pools and ledger: pools → members →
 * investor → position), on the same supergraph and the same running subgraphs, asked by
 * administrators, who all see the same answer:
 *
 *   distinct    (the figures the targets use) every client is its own user, as in production:
 *               nothing two clients send is identical, so no gateway can merge their requests
 *   shared      every client sends one user's token (the second line): gateways that merge
 *               identical in-flight subgraph requests (ours, Hive) skip most subgraph work here
 *
 *   ours        gateway/src/index.ts, production mode, every feature on, info logs (to /dev/null)
 *   apollo      a stock @apollo/gateway + @apollo/server (bench/peers/apolloStock.ts)
 *   hive        Hive Gateway as it ships (bench/peers/hive.config.mjs)
 *   hive-nodedup  the same with deduplicateInflightRequests: false
 *   hive-rust   Hive Gateway on @graphql-hive/router-runtime (its Rust query planner)
 *
 * Each gateway is pinned to core 0 (`taskset`); the subgraphs and this load generator to core 1.
 * Rounds alternate between the gateways, so drifts of a shared machine hit each alike.
 *
 *   npm run bench:gateway -- [--pools 20] [--members 20] [--seconds 5] [--rounds 3] [--concurrency 32]
 *       [--only ours,apollo]
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { expectData, freePort, graphql, TEST_REDIS_URL } from '@poolgraph/testing';
import { createGraphQLClient } from './lib/client.ts';
import { cpuMeter, cpuSeconds } from './lib/cpu.ts';
import { startBenchStack } from './lib/processStack.ts';
import { percentile } from './lib/stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    pools: { type: 'string', default: '20' },
    members: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '32' },
    only: { type: 'string' },
  },
});
const POOLS = Number(args.pools);
const MEMBERS = Number(args.members);
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONCURRENCY = Number(args.concurrency);

const QUERY = `query PoolsWithPositions {
  pools {
    id
    name
    members(first: 50) {
      commitment { amount }
      investor { id name }
      position { contributed { amount } capital { amount } }
    }
  }
}`;

/** Pins a running process (every thread) to one core. */
const pin = (pid: number | undefined, core: number) =>
  pid &&
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });

/** CPU seconds of a process's children (Hive's workers, tsx's node): all run on core 0. */
function childrenCpu(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    return children.reduce((sum, child) => sum + cpuSeconds(child) + childrenCpu(child), 0);
  } catch {
    return 0;
  }
}

interface Gateway {
  name: string;
  url: string;
  child: ChildProcess;
}

console.log(
  `gateway bench: ${POOLS} pools × ${MEMBERS} members with positions, ${CONCURRENCY} concurrent, ${ROUNDS} rounds × ${SECONDS} s each`,
);
const stack = await startBenchStack();
const gateways: Gateway[] = [];
try {
  // The load generator and the subgraphs share core 1; the gateway under test has core 0.
  pin(process.pid, 1);
  for (const name of ['users', 'pools', 'ledger', 'alerts', 'reports'] as const) {
    pin(stack.pidOf(name), 1);
  }
  pin(stack.pidOf('gateway'), 1);

  // One manager with P pools; M investors join each and contribute once.
  const manager = await stack.signUp('MANAGER');
  const investors = await Promise.all(
    Array.from({ length: MEMBERS }, () => stack.signUp('INVESTOR')),
  );
  const as = async <T>(token: string, query: string, variables: Record<string, unknown>) =>
    expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token }));
  for (let p = 0; p < POOLS; p++) {
    const { createPool } = await as<{ createPool: { id: string } }>(
      manager.token,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: `Bench pool ${p}`, currency: 'USD' } },
    );
    await as(manager.token, 'mutation($id: ID!) { openPool(id: $id) { id } }', {
      id: createPool.id,
    });
    await Promise.all(
      investors.map(async (investor, m) => {
        await as(
          investor.token,
          'mutation($id: ID!) { joinPool(poolId: $id, commitment: "1000000") { id } }',
          { id: createPool.id },
        );
        await as(
          investor.token,
          'mutation($id: ID!, $k: String!) { contribute(poolId: $id, amount: "25.00", idempotencyKey: $k) { id } }',
          { id: createPool.id, k: `seed-${p}-${m}` },
        );
      }),
    );
  }

  const { supergraphPath } = stack;
  const logFile = openSync('/dev/null', 'w');
  const start = async (name: string, command: string[], env: Record<string, string> = {}) => {
    const port = await freePort();
    const child = spawn(
      'taskset',
      ['-c', '0', ...command.map((part) => part.replace('$PORT', String(port)))],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, PORT: String(port) },
        stdio: ['ignore', logFile, 'inherit'],
      },
    );
    gateways.push({ name, url: `http://127.0.0.1:${port}/graphql`, child });
  };
  const node = process.execPath;
  // Hive Gateway is a dependency of the bench workspace only (bench/package.json): the product
  // never installs it. Resolved from here, wherever npm placed it.
  const hive = [
    node,
    resolve(
      dirname(createRequire(import.meta.url).resolve('@graphql-hive/gateway/package.json')),
      'dist/bin.js',
    ),
  ];
  const wanted = args.only?.split(',');
  const candidates: Array<[string, string[], Record<string, string>?]> = [
    [
      'ours',
      [
        node,
        // GATEWAY_PROFILE_DIR=/tmp/prof writes a CPU profile of our gateway when the bench ends.
        ...(process.env.GATEWAY_PROFILE_DIR
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GATEWAY_PROFILE_DIR}`]
          : []),
        '--import',
        'tsx',
        'gateway/src/index.ts',
      ],
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        OPS_TOKEN: 'bench-ops-token-0123456789',
        SUPERGRAPH_PATH: supergraphPath,
        USERS_JWKS_URL: stack.jwksUrl,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: stack.redisPrefix,
        GATEWAY_WORKERS: '1',
        // Limits stay on (every request pays its checks, the rate limit's Redis call included)
        // but high enough that one bench user from one address is not throttled.
        ...Object.fromEntries(
          ['RATE_LIMIT_PER_KEY', 'RATE_LIMIT_PER_USER', 'RATE_LIMIT_PER_IP'].map((name) => [
            name,
            '100000000',
          ]),
        ),
        NODE_OPTIONS: process.env.OURS_NODE_OPTIONS ?? '',
      },
    ],
    ['apollo', [node, '--import', 'tsx', 'bench/peers/apolloStock.ts', supergraphPath, '$PORT']],
    [
      'hive',
      [
        ...hive,
        'supergraph',
        supergraphPath,
        '--port',
        '$PORT',
        '--host',
        '127.0.0.1',
        '-c',
        'bench/peers/hive.config.mjs',
      ],
      { NODE_ENV: 'production' },
    ],
    [
      'hive-nodedup',
      [
        ...hive,
        'supergraph',
        supergraphPath,
        '--port',
        '$PORT',
        '--host',
        '127.0.0.1',
        '-c',
        'bench/peers/hive-nodedupe.config.mjs',
      ],
      { NODE_ENV: 'production' },
    ],
    [
      'hive-rust',
      [
        ...hive,
        'supergraph',
        supergraphPath,
        '--port',
        '$PORT',
        '--host',
        '127.0.0.1',
        '-c',
        'bench/peers/hive.config.mjs',
        '--hive-router-runtime',
      ],
      { NODE_ENV: 'production' },
    ],
  ];
  for (const [name, command, env] of candidates) {
    if (!wanted || wanted.includes(name)) await start(name, command, env);
  }

  // One administrator per client (they all see every pool), the first also the shared caller.
  const callers = await Promise.all(Array.from({ length: CONCURRENCY }, () => stack.admin()));
  const MODES = ['distinct', 'shared'] as const;
  type Mode = (typeof MODES)[number];
  const tokenOf = (mode: Mode, client: number) => callers[mode === 'shared' ? 0 : client]!.token;

  // Every gateway must answer the same data before anything is timed.
  const reference = await as<{ pools: Array<{ members: unknown[] }> }>(
    callers[0]!.token,
    QUERY,
    {},
  );
  const members = reference.pools.reduce((n, pool) => n + pool.members.length, 0);
  console.log(`each response: ${reference.pools.length} pools, ${members} members with positions`);
  const expected = JSON.stringify(reference);
  for (const gateway of gateways) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await graphql(gateway.url, QUERY, {}, { token: callers[0]!.token }).catch(
        (error: unknown) => ({ status: 0, data: undefined, errors: [String(error)] }),
      );
      if (answer.status === 200 && JSON.stringify({ ...answer.data }) === expected) break;
      if (Date.now() > deadline || gateway.child.exitCode !== null) {
        throw new Error(
          `${gateway.name} did not answer the reference data: ${JSON.stringify(answer).slice(0, 300)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  const figures = new Map<
    string,
    { requests: number; seconds: number; cpu: number; latencies: number[] }
  >();
  const runRound = async (gateway: Gateway, mode: Mode, seconds: number) => {
    const client = createGraphQLClient(gateway.url, CONCURRENCY);
    const latencies: number[] = [];
    let failures = 0;
    const meter = cpuMeter({
      gateway: gateway.child.pid,
      ...Object.fromEntries(
        (['users', 'pools', 'ledger'] as const).map((name) => [name, stack.pidOf(name)]),
      ),
    });
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    const cpuBefore = cpuSeconds(gateway.child.pid) + childrenCpu(gateway.child.pid);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, n) => {
        const token = tokenOf(mode, n);
        while (performance.now() < until) {
          const t = performance.now();
          const reply = await client.call<{ pools: unknown[] }>(QUERY, {}, token);
          if (reply.status !== 200 || reply.errors || reply.data?.pools.length !== POOLS)
            failures++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await client.close();
    if (failures) throw new Error(`${gateway.name}: ${failures} failed requests`);
    const cpu = cpuSeconds(gateway.child.pid) + childrenCpu(gateway.child.pid) - cpuBefore;
    return { latencies, elapsed, cpu, cpuReport: meter.report() };
  };
  // Warm-up (JIT, plan caches, connection pools), not counted.
  for (const gateway of gateways) await runRound(gateway, 'distinct', 2);
  // Rounds alternate the order of gateways and of modes, so drifts hit each alike.
  const runs = gateways.flatMap((gateway) => MODES.map((mode) => ({ gateway, mode })));
  const key = (name: string, mode: Mode) => `${name}:${mode}`;
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? runs : [...runs].reverse();
    for (const { gateway, mode } of order) {
      const { latencies, elapsed, cpu, cpuReport } = await runRound(gateway, mode, SECONDS);
      const figure = figures.get(key(gateway.name, mode)) ?? {
        requests: 0,
        seconds: 0,
        cpu: 0,
        latencies: [],
      };
      figure.requests += latencies.length;
      figure.seconds += elapsed;
      figure.cpu += cpu;
      figure.latencies.push(...latencies);
      figures.set(key(gateway.name, mode), figure);
      console.log(
        `  round ${round} ${gateway.name.padEnd(12)} ${mode.padEnd(8)} ${(latencies.length / elapsed).toFixed(0).padStart(5)} req/s   cpu: ${cpuReport}`,
      );
    }
  }

  // The comparisons and targets are on distinct callers; the shared line shows what merging buys.
  const rps = (name: string, mode: Mode = 'distinct') => {
    const figure = figures.get(key(name, mode));
    return figure ? figure.requests / figure.seconds : NaN;
  };
  // Requests per second of the gateway's own CPU: what it costs, whatever else runs here.
  const perCpu = (name: string, mode: Mode = 'distinct') => {
    const figure = figures.get(key(name, mode));
    return figure ? figure.requests / figure.cpu : NaN;
  };
  console.log(
    'gateway      callers      req/s    p50 ms   p99 ms   req per CPU-second of the gateway',
  );
  for (const mode of MODES) {
    for (const gateway of gateways) {
      const figure = figures.get(key(gateway.name, mode))!;
      const sorted = figure.latencies.sort((a, b) => a - b);
      console.log(
        `${gateway.name.padEnd(12)} ${mode.padEnd(9)} ${rps(gateway.name, mode).toFixed(0).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${perCpu(gateway.name, mode).toFixed(0).padStart(8)}`,
      );
    }
  }
  if (figures.has('ours')) {
    for (const peer of gateways.filter((g) => g.name !== 'ours')) {
      console.log(
        `ours / ${peer.name} (distinct callers): ${(rps('ours') / rps(peer.name)).toFixed(2)}× req/s, ${(perCpu('ours') / perCpu(peer.name)).toFixed(2)}× req per CPU-second`,
      );
    }
    const javascriptPeers = gateways.filter((g) =>
      ['apollo', 'hive', 'hive-nodedup'].includes(g.name),
    );
    for (const [label, measure] of [
      ['req/s', rps],
      ['req per CPU-second', perCpu],
    ] as const) {
      const ahead = javascriptPeers.every((g) => measure('ours') > measure(g.name));
      const ratio = measure('ours') / measure('apollo');
      console.log(
        `target (${label}, distinct callers): ours ≥ 1.5× stock @apollo/gateway (${ratio.toFixed(2)}×) and ahead of every JavaScript peer → ${ratio >= 1.5 && ahead ? 'met' : 'NOT met'}`,
      );
    }
  }
} finally {
  for (const gateway of gateways)
    if (gateway.child.exitCode === null) gateway.child.kill('SIGTERM');
  await stack.stop();
}
