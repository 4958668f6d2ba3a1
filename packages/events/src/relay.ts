import type { Logger, MysqlPool, RedisClient, Registry } from '@poolgraph/platform';
import { registerOutboxMetrics } from './metrics.ts';
import {
  releaseRelayLock,
  takeRelayLock,
  type OutboxRecord,
  type RelayConnection,
} from './outboxRows.ts';
import { publishBatches, type RelayBatchOptions } from './relayBatches.ts';
import { purgePublishedRows } from './outboxPurge.ts';
import { startRelayMaintenance, type RelayMaintenance } from './relayMaintenance.ts';
import { trimAcknowledgedEntries } from './streamTrim.ts';

export type { OutboxRecord };

export interface OutboxRelayOptions {
  /** The producer's mysql2 pool (the database that holds the outbox table). */
  pool: MysqlPool;
  redis: RedisClient;
  /** The full stream name, prefix included (e.g. ledgerEventsStream(prefix)). */
  stream: string;
  table?: string;
  batchSize?: number;
  /** How often to look for rows without a wake-up (after a crash, or a commit elsewhere). */
  pollIntervalMs?: number;
  /**
   * Approximate stream cap (XADD MAXLEN ~), which drops entries whether or not they were read.
   * Unset (the default): the stream is trimmed only below what every group acknowledged.
   */
  maxLen?: number;
  /**
   * How long published rows stay in the outbox (default 1 hour). The outbox is a delivery
   * buffer, not history: the producer's own tables are the replay path.
   */
  retainPublishedMs?: number;
  /** How often the loop purges published rows older than retainPublishedMs (default 60 s). */
  purgeIntervalMs?: number;
  /**
   * How long an idle relay keeps the lock for the next wake-up (default 25 ms). A producer that
   * commits at a steady pace slower than that (a consumer of a stream, committing a read every
   * `lingerMs`) sets it above its pace, so a busy stretch takes and releases the lock once,
   * not on every commit; the price is that much latency for rows another replica commits.
   */
  holdIdleMs?: number;
  /** How often the loop trims the stream below what every group acknowledged (default 10 s). */
  trimIntervalMs?: number;
  /** False: the loop never trims the stream (trimAcknowledged() still works). Default true. */
  trimStream?: boolean;
  log: Logger;
  /** Where to register the relay's metrics (outbox and consumer-group lag; see metrics.ts). */
  registry?: Registry;
  /** Runs after a batch is marked published (e.g. the producer's business counters). */
  onPublished?: (events: OutboxRecord[]) => void;
  /** Test hook: runs after XADD and before rows are marked published (a crash point). */
  afterPublish?: (events: OutboxRecord[]) => Promise<void>;
}

export interface OutboxRelay {
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops the loop after the pass in progress. */
  stop(): Promise<void>;
  /** Wakes the loop now; the producer calls it after each commit. */
  notify(): void;
  /**
   * One pass: publishes up to batchSize pending events in order; returns how many. While
   * another relay holds the lock it waits up to `waitForLockSeconds` (default 0: returns 0).
   */
  publishPending(waitForLockSeconds?: number): Promise<number>;
  /** Deletes every row published more than `olderThanMs` ago, in batches; returns how many. */
  purgePublished(olderThanMs: number): Promise<number>;
  /**
   * Deletes the stream entries that every consumer group has acknowledged (none while the
   * stream has no group); returns how many.
   */
  trimAcknowledged(): Promise<number>;
}

const RETAIN_PUBLISHED_MS = 60 * 60_000;
/** How long the loop's pass waits for another relay's pass (each holds the lock briefly). */
const LOCK_WAIT_SECONDS = 2;
const PURGE_INTERVAL_MS = 60_000;
const TRIM_INTERVAL_MS = 10_000;
/**
 * How long an idle relay keeps the lock for the next wake-up, by default: long enough to span
 * the gap between commits at a few dozen a second, short enough that another replica waiting
 * for the lock (its own commits) is not held up much longer than by the batch in progress.
 */
const HOLD_IDLE_MS = 25;

/**
 * Publishes outbox rows to a Redis Stream (durable: consumer groups and live tails read it),
 * then marks them published. Delivery is at least once: a crash after XADD and before the mark
 * republishes those events, and consumers deduplicate by event id.
 *
 * Exactly one relay publishes at a time per outbox: it holds a MariaDB named lock (GET_LOCK) on
 * a connection of its own while it publishes, so several replicas may run relays and order is
 * kept. The lock dies with the connection, so a crashed relay never blocks the next one.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const table = options.table ?? 'outbox';
  if (!/^\w+$/.test(table)) throw new Error(`invalid outbox table name: ${table}`);
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollIntervalMs ?? 1_000;
  const retainPublishedMs = options.retainPublishedMs ?? RETAIN_PUBLISHED_MS;
  const purgeIntervalMs = options.purgeIntervalMs ?? PURGE_INTERVAL_MS;
  const trimIntervalMs = options.trimIntervalMs ?? TRIM_INTERVAL_MS;
  const trimStream = options.trimStream ?? true;
  const holdIdleMs = options.holdIdleMs ?? HOLD_IDLE_MS;
  const { pool, redis, log } = options;
  const metrics =
    options.registry &&
    registerOutboxMetrics({
      registry: options.registry,
      pool,
      table,
      redis,
      stream: options.stream,
    });

  const batches: RelayBatchOptions = {
    redis,
    stream: options.stream,
    table,
    batchSize,
    maxLen: options.maxLen,
    afterPublish: options.afterPublish,
    marked: (records) => {
      metrics?.published(records);
      options.onPublished?.(records);
    },
  };

  /**
   * Runs `work` holding the relay lock (MariaDB GET_LOCK on a connection of its own, so it dies
   * with the connection); 0 without running it when another relay keeps the lock longer than
   * `waitSeconds`.
   */
  async function withLock(
    waitSeconds: number,
    work: (connection: RelayConnection) => Promise<number>,
  ): Promise<number> {
    const connection = await pool.getConnection();
    try {
      if (!(await takeRelayLock(connection, table, waitSeconds))) return 0;
      metrics?.lock(true);
      try {
        return await work(connection);
      } finally {
        metrics?.lock(false);
        await releaseRelayLock(connection, table);
      }
    } finally {
      connection.release();
    }
  }

  const publishPending = (waitForLockSeconds = 0) =>
    withLock(waitForLockSeconds, (connection) => publishBatches(connection, batches, () => false));

  const purgePublished = (olderThanMs: number) => purgePublishedRows(pool, table, olderThanMs);
  const trimAcknowledged = () => trimAcknowledgedEntries(redis, options.stream);

  let running: Promise<void> | undefined;
  let maintenance: RelayMaintenance | undefined;
  let stopping = false;
  let woken = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(() => resolve(), ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /**
   * Batches back to back under one lock and connection while there is work: a full batch, or a
   * commit that woke the relay during the batch or within holdIdleMs after it (its rows may be
   * newer than the batch's read). So under load a commit waits for the batch in progress and
   * one read and XADD, not for a connection, the lock, the mark and the lock's release as well.
   */
  async function whileBusy(published: number): Promise<boolean> {
    if (!stopping && !woken && published < batchSize) {
      await sleep(holdIdleMs);
      wake = undefined;
    }
    const again = !stopping && (published >= batchSize || woken);
    woken = false;
    return again;
  }

  async function loop(): Promise<void> {
    let delay = pollMs;
    while (!stopping) {
      woken = false;
      try {
        // Wait for a relay of another replica to finish its batches rather than give up: rows
        // this replica's commit just wrote may be newer than its last read, and would otherwise
        // wait for the next poll (up to pollIntervalMs of latency on every cross-replica commit).
        await withLock(LOCK_WAIT_SECONDS, (connection) =>
          publishBatches(connection, batches, whileBusy),
        );
        delay = pollMs;
      } catch (error) {
        // Redis or MySQL is down: nothing is lost (rows stay unpublished); back off and retry.
        // Redis coming back wakes the loop at once (below), so the cap only bounds MySQL's case.
        log.warn({ err: error }, 'outbox relay pass failed');
        delay = Math.min(delay * 2, 5_000);
      }
      await sleep(delay);
      wake = undefined;
    }
  }

  function notify() {
    woken = true;
    wake?.();
  }

  return {
    start() {
      if (running) return;
      stopping = false;
      // Rows committed while Redis was away wait for it: publish them as soon as it is back
      // rather than after the backoff (the last commit before the outage has no later one to
      // wake the relay).
      redis.on('ready', notify);
      running = loop();
      maintenance = startRelayMaintenance({
        purge: () => purgePublished(retainPublishedMs),
        purgeIntervalMs,
        trim: trimStream ? trimAcknowledged : null,
        trimIntervalMs,
        log,
      });
    },
    async stop() {
      stopping = true;
      redis.off('ready', notify);
      wake?.();
      await Promise.all([running, maintenance?.stop()]);
      running = undefined;
      maintenance = undefined;
    },
    notify,
    publishPending,
    purgePublished,
    trimAcknowledged,
  };
}
