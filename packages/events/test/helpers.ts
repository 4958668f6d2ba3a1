import { eventually as waitFor } from '@poolgraph/testing';
import { connectMysql, createLogger, uuidv7, type Mysql } from '@poolgraph/platform';
import { outboxTable, processedEventsTable } from '../src/index.ts';

export const schema = { outbox: outboxTable(), processedEvents: processedEventsTable() };
export const log = createLogger('events-test', 'silent');

/** The tables as a producer's and a consumer's migrations would create them. */
export async function openTestTables(url: string): Promise<Mysql<typeof schema>> {
  const mysql = connectMysql({ url }, schema);
  await mysql.pool.query(`CREATE TABLE outbox (
    seq BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL UNIQUE,
    type VARCHAR(64) NOT NULL, aggregate_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payload JSON NOT NULL,
    occurred_at DATETIME(3) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    published_at DATETIME(3) NULL, KEY outbox_unpublished (published_at, seq))`);
  await mysql.pool.query(`CREATE TABLE processed_events (
    event_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY,
    processed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))`);
  await mysql.pool.query(
    'CREATE TABLE effects (event_id CHAR(36) NOT NULL, aggregate_id VARCHAR(64) NOT NULL)',
  );
  return mysql;
}

/** Writes `count` events for one aggregate, as a producer's transaction would. */
export async function writeEvents(mysql: Mysql<typeof schema>, aggregateId: string, count: number) {
  const rows = Array.from({ length: count }, (_, n) => ({
    id: uuidv7(),
    type: 'TestHappened',
    aggregateId,
    payload: { n },
    occurredAt: new Date(),
  }));
  await mysql.db.insert(schema.outbox).values(rows);
  return rows.map((r) => r.id);
}

/** As @poolgraph/testing's, with more time: reclaiming a stale entry waits out its idle time. */
export const eventually = <T>(probe: () => Promise<T>, timeoutMs = 10_000) =>
  waitFor(probe, timeoutMs);
