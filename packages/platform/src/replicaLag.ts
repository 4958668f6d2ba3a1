import type { Pool } from 'mysql2/promise';
import type { Logger } from './logger.ts';

/** Why the replica is in or out of the read rotation. */
export type ReplicaState =
  /** No poll has answered yet: reads go to the primary until one does. */
  | 'starting'
  | 'healthy'
  /** Replicating, but further behind than the bound. */
  | 'lagging'
  /** Not replicating: an I/O or SQL thread is not running, or no lag is known. */
  | 'stopped'
  | 'unreachable';

export interface ReplicaStatus {
  state: ReplicaState;
  inRotation: boolean;
  /** Seconds the replica is behind the primary; null when unknown (stopped, unreachable). */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** The last poll's error, or why replication is stopped. */
  reason?: string;
}

type GtidPosition = Map<number, bigint>;

/** `0-1-42,1-2-7` (domain-server-sequence per domain) as domain → sequence. */
export function parseGtidPosition(text: string): GtidPosition {
  const position: GtidPosition = new Map();
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)-\d+-(\d+)\s*$/.exec(part);
    if (match) position.set(Number(match[1]), BigInt(match[2]!));
  }
  return position;
}

/** Whether `replica` has applied everything in `primary`, domain by domain. */
export function gtidCovers(replica: GtidPosition, primary: GtidPosition): boolean {
  for (const [domain, sequence] of primary) {
    if ((replica.get(domain) ?? -1n) < sequence) return false;
  }
  return true;
}

interface SlaveStatusRow {
  Slave_IO_Running?: string;
  Slave_SQL_Running?: string;
  Seconds_Behind_Master?: number | string | null;
  Last_IO_Error?: string;
  Last_SQL_Error?: string;
}

export interface LagMonitorOptions {
  primary: Pool;
  replica: Pool;
  maxLagSeconds: number;
  pollMs: number;
  log: Logger;
}

export interface LagMonitor {
  status(): ReplicaStatus;
  /** A read failed on the replica for want of a connection: out of rotation until a poll says so. */
  markUnreachable(reason: string): void;
  /** One poll now (the timer polls on its own). */
  poll(): Promise<ReplicaStatus>;
  stop(): void;
}

const QUERY_TIMEOUT_MS = 2_000;

/**
 * Polls the replica every `pollMs`. Lag is the larger of two measures:
 * `Seconds_Behind_Master` (the age of the event the SQL thread applies, 0 whenever the thread
 * is idle, even when the I/O thread is behind), and the age of the oldest primary GTID position
 * (`gtid_binlog_pos`, sampled at each poll) that the replica's `gtid_slave_pos` does not cover,
 * which sees a delayed or slowed replica even when the first says 0. Out of the rotation above
 * `maxLagSeconds`; back in at half of it, so a replica hovering at the bound does not flap.
 */
export function startLagMonitor(options: LagMonitorOptions): LagMonitor {
  const { primary, replica, maxLagSeconds, log } = options;
  let current: ReplicaStatus = {
    state: 'starting',
    inRotation: false,
    lagSeconds: null,
    maxLagSeconds,
  };
  // Primary positions not yet applied by the replica, oldest first, with when they were seen.
  const unapplied: Array<{ at: number; position: GtidPosition }> = [];

  const set = (next: Omit<ReplicaStatus, 'maxLagSeconds'>) => {
    if (next.inRotation !== current.inRotation) {
      log[next.inRotation ? 'info' : 'warn'](
        { state: next.state, lagSeconds: next.lagSeconds, reason: next.reason },
        next.inRotation ? 'read replica back in rotation' : 'read replica out of rotation',
      );
    }
    current = { ...next, maxLagSeconds };
    return current;
  };

  async function measure(): Promise<Omit<ReplicaStatus, 'maxLagSeconds'>> {
    const [primaryRows] = await primary.query({
      sql: 'SELECT @@GLOBAL.gtid_binlog_pos AS pos',
      timeout: QUERY_TIMEOUT_MS,
    });
    const seenAt = Date.now();
    const primaryPos = parseGtidPosition(
      String((primaryRows as Array<{ pos: string }>)[0]?.pos ?? ''),
    );
    const last = unapplied.at(-1);
    if (primaryPos.size && (!last || !gtidCovers(last.position, primaryPos))) {
      unapplied.push({ at: seenAt, position: primaryPos });
      if (unapplied.length > 10_000) unapplied.shift();
    }
    const [statusRows] = await replica.query({
      sql: 'SHOW SLAVE STATUS',
      timeout: QUERY_TIMEOUT_MS,
    });
    const [posRows] = await replica.query({
      sql: 'SELECT @@GLOBAL.gtid_slave_pos AS pos',
      timeout: QUERY_TIMEOUT_MS,
    });
    const replicaPos = parseGtidPosition(String((posRows as Array<{ pos: string }>)[0]?.pos ?? ''));
    while (unapplied.length && gtidCovers(replicaPos, unapplied[0]!.position)) unapplied.shift();

    const row = (statusRows as SlaveStatusRow[])[0];
    if (!row)
      return { state: 'stopped', inRotation: false, lagSeconds: null, reason: 'not a replica' };
    const running = row.Slave_IO_Running === 'Yes' && row.Slave_SQL_Running === 'Yes';
    const behind = row.Seconds_Behind_Master;
    if (!running || behind === null || behind === undefined) {
      const reason =
        row.Last_SQL_Error ||
        row.Last_IO_Error ||
        `I/O thread ${row.Slave_IO_Running ?? '?'}, SQL thread ${row.Slave_SQL_Running ?? '?'}`;
      return { state: 'stopped', inRotation: false, lagSeconds: null, reason };
    }
    const gtidLag = unapplied.length ? (Date.now() - unapplied[0]!.at) / 1000 : 0;
    const lagSeconds = Math.max(Number(behind), gtidLag);
    const bound = current.inRotation ? maxLagSeconds : maxLagSeconds / 2;
    const inRotation = lagSeconds <= bound;
    return { state: inRotation ? 'healthy' : 'lagging', inRotation, lagSeconds };
  }

  let polling: Promise<ReplicaStatus> | undefined;
  const poll = () =>
    (polling ??= measure()
      .catch((error: unknown) => ({
        state: 'unreachable' as const,
        inRotation: false,
        lagSeconds: null,
        reason: (error as Error).message,
      }))
      .then(set)
      .finally(() => (polling = undefined)));

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const loop = () => {
    void poll().finally(() => {
      if (!stopped) timer = setTimeout(loop, options.pollMs).unref();
    });
  };
  loop();

  return {
    status: () => current,
    markUnreachable(reason) {
      if (current.inRotation)
        set({ state: 'unreachable', inRotation: false, lagSeconds: null, reason });
    },
    poll,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
