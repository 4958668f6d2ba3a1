import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  datetime,
  index,
  json,
  mysqlTable,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';

const now = sql`CURRENT_TIMESTAMP(3)`;

/** Ids as ASCII with binary collation: narrow keys, byte-wise comparison. */
const asciiId = (name: string, length: number) =>
  customType<{ data: string }>({
    dataType: () => `varchar(${length}) CHARACTER SET ascii COLLATE ascii_bin`,
  })(name);

/**
 * The transactional outbox, declared by the producing service in its own schema
 * (`export const outbox = outboxTable()`), so its migrations create it. Rows are written in the
 * same MySQL transaction as the change they describe; the relay publishes them afterwards.
 *
 * `seq` orders publication: it is assigned at insert, and a producer that writes an
 * aggregate's events while holding that aggregate's row lock gets per-aggregate commit order.
 */
export function outboxTable(name = 'outbox') {
  return mysqlTable(
    name,
    {
      seq: bigint('seq', { mode: 'bigint', unsigned: true }).autoincrement().primaryKey(),
      id: asciiId('id', 36).notNull(),
      type: varchar('type', { length: 64 }).notNull(),
      aggregateId: asciiId('aggregate_id', 64).notNull(),
      payload: json('payload').notNull(),
      occurredAt: datetime('occurred_at', { mode: 'date', fsp: 3 }).notNull(),
      createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
      publishedAt: datetime('published_at', { mode: 'date', fsp: 3 }),
    },
    (t) => [
      uniqueIndex(`${name}_id`).on(t.id),
      // The relay's scan: unpublished rows (NULL sorts first) in seq order.
      index(`${name}_unpublished`).on(t.publishedAt, t.seq),
    ],
  );
}

/** A consumer's record of applied event ids (see applyEventOnce). */
export function processedEventsTable(name = 'processed_events') {
  return mysqlTable(name, {
    eventId: asciiId('event_id', 36).primaryKey(),
    processedAt: datetime('processed_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  });
}

/** What the producer inserts into the outbox for one event. */
export interface OutboxInsert {
  id: string;
  type: string;
  aggregateId: string;
  payload: unknown;
  occurredAt: Date;
}
