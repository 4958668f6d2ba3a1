import {
  Counter,
  Gauge,
  type MysqlPool,
  type RedisClient,
  type Registry,
} from '@poolgraph/platform';
import type { OutboxRecord } from './outboxRows.ts';

export interface OutboxMetricsOptions {
  registry: Registry;
  pool: MysqlPool;
  table: string;
  redis: RedisClient;
  stream: string;
}

export interface OutboxMetrics {
  /** Counts events the relay has just published. */
  published(records: OutboxRecord[]): void;
  /** This process took (true) or released (false) the relay lock. */
  lock(held: boolean): void;
}

interface GroupInfo {
  name: string;
  consumers: number;
  pending: number;
  lastDeliveredId: string;
  lag: number | null;
}

/** XINFO GROUPS answers one flat [field, value, …] list per group; `lag` is nil when unknown. */
function groupsOf(reply: unknown): GroupInfo[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((fields: unknown[]) => {
    const value = (name: string) => fields[fields.indexOf(name) + 1];
    const lag = value('lag');
    return {
      name: String(value('name')),
      consumers: Number(value('consumers')),
      pending: Number(value('pending')),
      lastDeliveredId: String(value('last-delivered-id')),
      lag: lag === null || lag === undefined ? null : Number(lag),
    };
  });
}

const LAG_COUNT_CAP = 10_000;

/** Redis leaves `lag` unknown after deletions inside the range; count (capped) instead. */
async function lagOf(redis: RedisClient, stream: string, group: GroupInfo): Promise<number> {
  if (group.lag !== null) return group.lag;
  const entries = await redis.xrange(
    stream,
    `(${group.lastDeliveredId}`,
    '+',
    'COUNT',
    LAG_COUNT_CAP,
  );
  return entries.length;
}

/** One read shared by the gauges of one scrape (prom-client collects them concurrently). */
function perScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > 1_000) {
      last = { at: Date.now(), value: read() };
      last.value.catch(() => (last = undefined));
    }
    return last.value;
  };
}

/**
 * The relay's metrics, read at scrape time from the outbox and the stream, so they hold
 * whichever replica holds the relay lock: how far the relay is behind (unpublished rows and the
 * age of the oldest), how far each consumer group is behind (entries not yet delivered to it,
 * and delivered but unacknowledged ones), and a counter of published events by type.
 */
export function registerOutboxMetrics(options: OutboxMetricsOptions): OutboxMetrics {
  const { registry, pool, table, redis, stream } = options;
  const labels = { stream };
  const outbox = perScrape(async () => {
    const [rows] = await pool.query(
      `SELECT COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(created_at), CURRENT_TIMESTAMP(3)) AS age
       FROM \`${table}\` WHERE published_at IS NULL`,
    );
    const row = (rows as Array<{ n: unknown; age: unknown }>)[0];
    return { count: Number(row?.n ?? 0), ageSeconds: row?.age == null ? 0 : Number(row.age) / 1e6 };
  });
  const groups = perScrape(async () => {
    let reply: unknown = [];
    try {
      reply = await redis.xinfo('GROUPS', stream);
    } catch (error) {
      if (!String((error as Error).message).includes('no such key')) throw error;
    }
    return Promise.all(
      groupsOf(reply).map(async (group) => ({ ...group, lag: await lagOf(redis, stream, group) })),
    );
  });
  const perGroup = (name: string, help: string, value: (g: GroupInfo) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['stream', 'group'],
      registers: [registry],
      async collect() {
        const list = await groups();
        this.reset();
        for (const group of list) this.set({ stream, group: group.name }, value(group));
      },
    });
  perGroup(
    'stream_group_lag',
    'Stream entries not yet delivered to a consumer group',
    (g) => g.lag ?? 0,
  );
  perGroup(
    'stream_group_pending',
    'Stream entries delivered to a consumer group and not acknowledged yet',
    (g) => g.pending,
  );
  perGroup(
    'stream_group_consumers',
    'Consumers a consumer group has seen (live or not)',
    (g) => g.consumers,
  );
  new Gauge({
    name: 'outbox_unpublished_events',
    help: 'Outbox events committed and not yet published to their stream',
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      this.set(labels, (await outbox()).count);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unpublished_seconds',
    help: 'Age of the oldest outbox event not yet published (0 when none)',
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      this.set(labels, (await outbox()).ageSeconds);
    },
  });
  new Gauge({
    name: 'stream_length',
    help: 'Entries in the stream (trimmed below what every group acknowledged)',
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      this.set(labels, await redis.xlen(stream));
    },
  });
  const publishedTotal = new Counter({
    name: 'outbox_events_published_total',
    help: 'Outbox events this process published to their stream, by event type',
    labelNames: ['stream', 'type'],
    registers: [registry],
  });
  // Per process, unlike the gauges above: which replica is the relay right now, and which was
  // last (a supervisor or a chaos run can then find the relay among the replicas).
  const lockHeld = new Gauge({
    name: 'outbox_relay_lock_held',
    help: '1 while this process holds the relay lock (publishes a pass), else 0',
    labelNames: ['stream'],
    registers: [registry],
  });
  const lockTakenAt = new Gauge({
    name: 'outbox_relay_lock_taken_seconds',
    help: 'Unix time this process last took the relay lock (0: never)',
    labelNames: ['stream'],
    registers: [registry],
  });
  lockHeld.set(labels, 0);
  lockTakenAt.set(labels, 0);
  return {
    published(records) {
      for (const record of records) publishedTotal.inc({ stream, type: record.type });
    },
    lock(held) {
      lockHeld.set(labels, held ? 1 : 0);
      if (held) lockTakenAt.set(labels, Date.now() / 1000);
    },
  };
}
