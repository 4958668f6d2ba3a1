import type { MysqlPool } from '@poolgraph/platform';
import { splitTraceContext } from './trace.ts';

/** One outbox row as the relay reads it. */
export interface OutboxRecord {
  seq: string;
  id: string;
  type: string;
  aggregateId: string;
  occurredAt: Date;
  /** The event's JSON text: `{ id, type, occurredAt, payload }`. */
  json: string;
}

export type RelayConnection = Awaited<ReturnType<MysqlPool['getConnection']>>;

interface Row {
  seq: string;
  id: string;
  type: string;
  aggregate_id: string;
  occurred_at: Date;
  payload: unknown;
}

/** The event JSON from a row; MariaDB returns JSON columns as text, MySQL 8 as objects. */
function toRecord(row: Row): OutboxRecord {
  const stored = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
  const { payloadJson: payload, traceparent } = splitTraceContext(stored);
  const occurredAt = new Date(row.occurred_at);
  const trace = traceparent ? `,"trace":{"traceparent":${JSON.stringify(traceparent)}}` : '';
  const json = `{"id":${JSON.stringify(row.id)},"type":${JSON.stringify(row.type)},"occurredAt":"${occurredAt.toISOString()}","payload":${payload}${trace}}`;
  return {
    seq: String(row.seq),
    id: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    occurredAt,
    json,
  };
}

/** One named lock per database and table: the relay that holds it is the only one publishing. */
const lockName = (table: string) => `.${table}.relay`;

/** Takes the relay lock on this connection; false when another keeps it over `waitSeconds`. */
export async function takeRelayLock(
  connection: RelayConnection,
  table: string,
  waitSeconds: number,
): Promise<boolean> {
  const [rows] = await connection.query('SELECT GET_LOCK(SHA1(CONCAT(DATABASE(), ?)), ?) AS got', [
    lockName(table),
    waitSeconds,
  ]);
  return Number((rows as Array<{ got: unknown }>)[0]?.got) === 1;
}

export async function releaseRelayLock(connection: RelayConnection, table: string): Promise<void> {
  await connection.query('SELECT RELEASE_LOCK(SHA1(CONCAT(DATABASE(), ?)))', [lockName(table)]);
}

/**
 * The first `limit` unpublished rows in seq order, leaving out `skip`: rows this relay has
 * published but not yet marked. Uses the (published_at, seq) index.
 */
export async function selectUnpublished(
  connection: RelayConnection,
  table: string,
  limit: number,
  skip: readonly string[],
): Promise<OutboxRecord[]> {
  const [rows] = await connection.query(
    `SELECT seq, id, type, aggregate_id, occurred_at, payload FROM \`${table}\`
     WHERE published_at IS NULL${skip.length ? ' AND seq NOT IN (?)' : ''} ORDER BY seq LIMIT ?`,
    skip.length ? [skip, limit] : [limit],
  );
  return (rows as Row[]).map(toRecord);
}

export async function markPublished(
  connection: RelayConnection,
  table: string,
  seqs: readonly string[],
): Promise<void> {
  await connection.query(
    `UPDATE \`${table}\` SET published_at = CURRENT_TIMESTAMP(3) WHERE seq IN (?)`,
    [seqs],
  );
}
