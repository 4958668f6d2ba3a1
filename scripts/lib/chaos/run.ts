import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { connectMysql } from '@poolgraph/platform';
import {
  checkAcknowledged,
  checkAlerts,
  checkNoLeaks,
  checkReports,
  type CheckResult,
} from './checks.ts';
import {
  FAULTS,
  describeSchedule,
  scheduleFaults,
  type FaultContext,
  type FaultRecord,
} from './faults.ts';
import { startChaosFleet } from './fleet.ts';
import { checkBooksBalance, checkSubscribers, SETTLE_MS } from './liveChecks.ts';
import { emptyStats, setUpPlatform, startLoad, type LoadStats } from './load.ts';
import { seededRandom } from '@poolgraph/testing';
import { startReads, type ReadStats } from './reads.ts';
import { waitForQuiescence, type Databases } from './quiesce.ts';
import { startSubscribers } from './subscribers.ts';
import { runFaults } from './supervisor.ts';

export interface ChaosOptions {
  seconds: number;
  seed: number;
  replicas?: number;
  /** A 3-master Redis Cluster instead of one Redis server. */
  redisCluster?: boolean;
  /** Lines of the run (schedule, faults, phases). */
  print?: (line: string) => void;
  /** The services' own log lines (warnings and up). */
  printService?: (line: string) => void;
  /** Stops the fleet at once when aborted (a test that timed out): no process outlives the run. */
  signal?: AbortSignal;
}

export interface ChaosResult {
  seed: number;
  redisCluster: boolean;
  faults: FaultRecord[];
  stats: LoadStats;
  reads?: ReadStats;
  checks: CheckResult[];
  pass: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function redisPid(url: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
  } finally {
    redis.disconnect();
  }
}

/**
 * A chaos run: its own fleet, steady load through HAProxy, the seeded faults, then quiescence
 * and the checks (docs/OPERATIONS.md, "Chaos"). Never throws for a failed check: see `pass`.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const replicas = options.replicas ?? 2;
  const schedule = scheduleFaults(seededRandom(options.seed), FAULTS, options.seconds);
  print(`chaos: seed ${options.seed}, ${options.seconds} s, ${schedule.length} faults:`);
  describeSchedule(schedule, replicas).forEach((line) => print(line));
  const id = randomBytes(4).toString('hex');
  print(`starting the fleet (${options.redisCluster ? 'Redis Cluster' : 'one Redis'})…`);
  const fleet = await startChaosFleet({
    id,
    replicas,
    redisCluster: options.redisCluster ?? false,
    print: options.printService ?? ((line) => process.stdout.write(line)),
  });
  const stopOnAbort = () => void fleet.stop();
  options.signal?.addEventListener('abort', stopOnAbort, { once: true });
  const pids: Array<{ name: string; pid: number }> = [];
  const track = (proc: { name: string; child: { pid?: number } }) =>
    proc.child.pid && pids.push({ name: proc.name, pid: proc.child.pid });
  [...fleet.stack.processes, ...(fleet.stack.proxy?.processes ?? [])].forEach(track);
  // Servers outside the stack: Redis (each node) and both mariadbd, again after each restart.
  const trackServers = async () => {
    for (const url of fleet.redis.serverUrls) pids.push({ name: url, pid: await redisPid(url) });
    for (const pid of fleet.mysql.pids()) pids.push({ name: 'mariadbd', pid });
  };
  await trackServers();
  const connect = (name: 'ledger' | 'alerts' | 'reports') =>
    connectMysql({ url: fleet.databaseUrl(name), connectionLimit: 2 }, {});
  const mysql = {
    ledger: connect('ledger'),
    alerts: connect('alerts'),
    reports: connect('reports'),
  };
  const dbs: Databases = {
    ledger: mysql.ledger.pool,
    alerts: mysql.alerts.pool,
    reports: mysql.reports.pool,
  };
  const checks: CheckResult[] = [];
  let stats: LoadStats | undefined;
  let reads: ReadStats | undefined;
  let faults: FaultRecord[] = [];
  try {
    const url = fleet.stack.gatewayUrl;
    const platform = await setUpPlatform(url);
    const subscribers = startSubscribers(url, platform.manager.token, platform.poolIds.slice(0, 2));
    while (subscribers.logs.some((l) => l.connects.length === 0)) await sleep(100);
    await sleep(SETTLE_MS);
    let running = true;
    const started = Date.now();
    print(
      `load and faults start (fleet up, ${platform.investors.length} investors, ${platform.poolIds.length} pools)`,
    );
    const load = startLoad(url, platform, seededRandom(options.seed + 1), id, () => running);
    stats = load.stats;
    const reader = startReads(url, platform, () => running);
    reads = reader.stats;
    const ctx: FaultContext = {
      stack: fleet.stack,
      redis: fleet.redis,
      mysql: fleet.mysql,
      replicas,
      replicaUrl: fleet.replicaUrl,
      restartDelayMs: 1_000,
      track,
      print,
    };
    faults = await runFaults(ctx, schedule, started, trackServers);
    const broken = faults.filter((f) => f.recoveredMs < 0);
    checks.push({
      name: 'every fault injected and recovered from',
      pass: broken.length === 0 && faults.length === schedule.length,
      detail: `${faults.length - broken.length}/${schedule.length}${broken.length ? `; ${broken.map((f) => f.target).join('; ')}` : ''}`,
    });
    // Let the subscribers cut last come back and hear events before the load stops.
    await sleep(Math.max(started + options.seconds * 1000 - Date.now(), SETTLE_MS + 3_000));
    running = false;
    await Promise.all([load.done, reader.done]);
    print(
      `load stopped after ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for quiescence…`,
    );
    const quiet = await waitForQuiescence(dbs, fleet.redis.url, fleet.redisPrefix, 120_000);
    checks.push({
      name: 'quiescence: outbox drained, consumer groups caught up',
      pass: quiet.quiet,
      detail: `${quiet.quiet ? 'after' : 'not after'} ${(quiet.waitedMs / 1000).toFixed(1)} s: ${quiet.state}`,
    });
    await sleep(1_000); // the last pub/sub messages reach the subscribers
    await subscribers.stop();
    checks.push(await checkAcknowledged(dbs, stats));
    checks.push({
      name: 'no request refused for good',
      pass: stats.refused.length === 0,
      detail: stats.refused.length ? JSON.stringify(stats.refused.slice(0, 3)) : 'none',
    });
    checks.push({
      name: 'lag-tolerant reads (replica, else primary) answered throughout',
      pass: reads.unanswered === 0 && reads.wrong === 0 && reads.answered > 0,
      detail: `${reads.answered} answered, ${reads.unanswered} unanswered within 5 s, ${reads.wrong} missing a pool`,
    });
    checks.push(await checkBooksBalance(fleet.databaseUrl('ledger')));
    checks.push(await checkAlerts(dbs, platform.thresholdMinor));
    checks.push(await checkReports(dbs));
    checks.push(
      ...(await checkSubscribers(
        dbs,
        subscribers.logs,
        started,
        faults.map((f) => started + f.at),
      )),
    );
  } catch (error) {
    checks.push({ name: 'the run completed', pass: false, detail: (error as Error).message });
  } finally {
    options.signal?.removeEventListener('abort', stopOnAbort);
    await Promise.all(Object.values(mysql).map((m) => m.close()));
    await fleet.stop();
  }
  checks.push(checkNoLeaks(pids));
  return {
    seed: options.seed,
    redisCluster: options.redisCluster ?? false,
    faults,
    reads,
    stats: stats ?? emptyStats(),
    checks,
    pass: checks.every((c) => c.pass),
  };
}
