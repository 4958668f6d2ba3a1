import type { MariadbPair } from '@poolgraph/testing';
import type { ManagedProcess } from '../processes.ts';
import type { ChaosRedis } from './fleet.ts';
import type { ProcessStack, ServiceName } from '../stack.ts';
import type { Random } from '@poolgraph/testing';

/** What a fault may touch. Faults that need a resource the run lacks do not apply. */
export interface FaultContext {
  stack: ProcessStack;
  redis: ChaosRedis;
  mysql: MariadbPair;
  replicas: number;
  /** http://127.0.0.1:<port> of a replica by name (`ledger-2`), for its /metrics. */
  replicaUrl(name: string): string;
  /** How long a killed process stays dead before the supervisor restarts it. */
  restartDelayMs: number;
  /** Records a process the run started (the leak check wants every pid gone at the end). */
  track(proc: ManagedProcess): void;
  print(line: string): void;
}

/** One injected fault, as the summary reports it. */
export interface FaultRecord {
  fault: string;
  target: string;
  /** Milliseconds since the load started. */
  at: number;
  /** How long until the target was back (restarted and ready). */
  recoveredMs: number;
}

export interface Fault {
  name: string;
  description: string;
  /** What it takes down: two faults of one service never overlap (its twin stays up). */
  service: ServiceName | 'redis' | 'mysql-replica';
  applies?(ctx: FaultContext): boolean;
  /** Injects the fault and resolves once the supervisor brought the target back; returns it. */
  inject(ctx: FaultContext, choice: number): Promise<string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGKILL, a pause, then a restart with the same environment and port, as a supervisor would. */
async function killAndRestart(ctx: FaultContext, name: string): Promise<string> {
  const proc = ctx.stack.processes.find((p) => p.name === name);
  if (!proc) throw new Error(`no process ${name}`);
  proc.child.kill('SIGKILL');
  await proc.exited;
  await sleep(ctx.restartDelayMs);
  ctx.track(await ctx.stack.restart(name));
  return name;
}

/** Replica `choice` (seeded, 0 ≤ choice < 1) of a service. */
const replica = (ctx: FaultContext, service: ServiceName, choice: number) =>
  `${service}-${1 + Math.floor(choice * ctx.replicas)}`;

const killReplica = (service: ServiceName, description: string): Fault => ({
  name: `kill-${service}`,
  description,
  service,
  inject: (ctx, choice) => killAndRestart(ctx, replica(ctx, service, choice)),
});

/** The relay lock gauges of each ledger replica's /metrics (see packages/events metrics.ts). */
async function relayGauges(ctx: FaultContext) {
  const names = Array.from({ length: ctx.replicas }, (_, i) => `ledger-${i + 1}`);
  return Promise.all(
    names.map(async (name) => {
      const text = await fetch(`${ctx.replicaUrl(name)}/metrics`, {
        signal: AbortSignal.timeout(2_000),
      })
        .then((r) => r.text())
        .catch(() => '');
      const gauge = (metric: string) =>
        Number(new RegExp(`^${metric}\\{[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      return {
        name,
        held: gauge('outbox_relay_lock_held') === 1,
        takenAt: gauge('outbox_relay_lock_taken_seconds'),
      };
    }),
  );
}

/**
 * The relay is whichever ledger replica holds the outbox lock: it is held for one pass at a
 * time, so this watches for a replica in the middle of a pass (killing it there is the crash
 * between XADD and the mark), and otherwise takes the one that held it last.
 */
async function killRelay(ctx: FaultContext): Promise<string> {
  const deadline = Date.now() + 3_000;
  let last: Awaited<ReturnType<typeof relayGauges>> = [];
  while (Date.now() < deadline) {
    last = await relayGauges(ctx);
    const holder = last.find((g) => g.held);
    if (holder) return `${await killAndRestart(ctx, holder.name)} (mid-pass)`;
    await sleep(20);
  }
  const latest = [...last].sort((a, b) => b.takenAt - a.takenAt)[0];
  if (!latest?.takenAt) throw new Error('no ledger replica has held the relay lock');
  return `${await killAndRestart(ctx, latest.name)} (last holder)`;
}

/**
 * Every fault the run can inject, by name. Add one by appending an entry: the schedule draws
 * from this table (each fault at least once per round).
 */
export const FAULTS: Fault[] = [
  killReplica('gateway', 'SIGKILL a gateway replica (cuts its WebSocket clients)'),
  killReplica('ledger', 'SIGKILL a ledger replica'),
  {
    name: 'kill-relay',
    description: 'SIGKILL the ledger replica holding the outbox relay lock',
    service: 'ledger',
    inject: killRelay,
  },
  killReplica('pools', 'SIGKILL a pools replica'),
  killReplica('alerts', 'SIGKILL an alerts replica (an alert worker)'),
  killReplica('reports', 'SIGKILL a reports replica (a report worker)'),
  {
    name: 'restart-redis',
    description:
      'SIGKILL Redis, or one Redis Cluster node, and start it again (AOF, fsync always: nothing acknowledged lost)',
    service: 'redis',
    inject: (ctx, choice) => ctx.redis.restart(choice),
  },
  {
    name: 'restart-mysql-replica',
    description:
      'SIGKILL the MariaDB replica and start it again (it resumes from its GTID position)',
    service: 'mysql-replica',
    inject: async (ctx) => {
      await ctx.mysql.restartReplica('SIGKILL');
      return 'mysql replica';
    },
  },
];

export interface ScheduledFault {
  /** Milliseconds after the load started. */
  at: number;
  fault: Fault;
  /** The seeded choice of replica, 0 ≤ choice < 1. */
  choice: number;
}

/**
 * The seeded schedule: rounds of every fault in a shuffled order, spread over the middle of the
 * run (from 10 % to 75 % of it, so the last fault has time to recover before the load stops),
 * at least `minGapMs` apart.
 */
export function scheduleFaults(
  random: Random,
  faults: Fault[],
  seconds: number,
  minGapMs = 4_000,
): ScheduledFault[] {
  const start = seconds * 100;
  const end = seconds * 750;
  const slots = Math.max(faults.length, Math.floor((end - start) / (minGapMs * 1.5)));
  const order: Fault[] = [];
  while (order.length < slots) order.push(...random.shuffle(faults));
  const gap = (end - start) / slots;
  return order.slice(0, slots).map((fault, i) => ({
    at: Math.round(start + i * gap + random.next() * gap * 0.3),
    fault,
    choice: random.next(),
  }));
}

/** The schedule as printed at start: enough to see what a seed does. */
export function describeSchedule(schedule: ScheduledFault[], replicas: number): string[] {
  return schedule.map(({ at, fault, choice }) => {
    const target = fault.name.startsWith('kill-') && fault.name !== 'kill-relay';
    const which = target ? ` (replica ${1 + Math.floor(choice * replicas)})` : '';
    return `  +${(at / 1000).toFixed(1).padStart(5)} s  ${fault.name}${which}`;
  });
}
