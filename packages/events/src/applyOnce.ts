import { isDuplicateKey, isLockConflict, sqlValues, type SqlExecutor } from '@poolgraph/platform';
import { sql } from 'drizzle-orm';
import type { MySql2Database } from 'drizzle-orm/mysql2';

type TxOf<TSchema extends Record<string, unknown>> = Parameters<
  Parameters<MySql2Database<TSchema>['transaction']>[0]
>[0];

export type ApplyResult<T> = { applied: true; result: T } | { applied: false };

/**
 * Applies an event's effect at most once: the event id is inserted into the consumer's
 * `processed_events` table (see processedEventsTable) in the same MySQL transaction as the
 * effect, so both commit or neither does. A redelivery (relay retry, reclaimed stream entry)
 * finds the id and changes nothing; a concurrent second delivery waits on the primary key,
 * then finds it. Effects outside MySQL (Redis counters, webhooks) need their own idempotency.
 */
export async function applyEventOnce<TSchema extends Record<string, unknown>, T>(
  db: MySql2Database<TSchema>,
  eventId: string,
  apply: (tx: TxOf<TSchema>) => Promise<T>,
  table = 'processed_events',
): Promise<ApplyResult<T>> {
  return db.transaction(async (tx) => {
    try {
      await tx.execute(sql`INSERT INTO ${sql.identifier(table)} (event_id) VALUES (${eventId})`);
    } catch (error) {
      if (isDuplicateKey(error)) return { applied: false as const };
      throw error;
    }
    return { applied: true as const, result: await apply(tx) };
  });
}

/** The width of `processed_events.event_id` (processedEventsTable): a UUID. */
const KEY_LENGTH = 36;

/**
 * The one de-duplication rule of a batch: which of these keys (event ids, or whatever the
 * consumer records in its table's `event_id`) were never applied, recorded as applied in the
 * caller's transaction, so they commit with the effect or not at all. One statement whatever
 * the batch's size: a multi-row INSERT IGNORE … RETURNING (MariaDB), which answers the keys it
 * inserted, i.e. the new ones; a key already there is ignored. A replica claiming the same key
 * at once makes the INSERT wait on the primary key: once the other commits, the key is ignored
 * here (taken); should it roll back, the key is inserted here. A deadlock between two such
 * claims is a lock conflict (isClaimConflict): the whole transaction runs again.
 */
export async function claimNew(
  tx: SqlExecutor,
  keys: readonly string[],
  table = 'processed_events',
): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Set();
  // IGNORE would also turn a too-long key into a truncated one (a warning): refuse it instead.
  const tooLong = unique.find((key) => key.length > KEY_LENGTH);
  if (tooLong !== undefined)
    throw new RangeError(`claim key longer than ${KEY_LENGTH}: ${tooLong}`);
  const result = (await tx.execute(
    sql`INSERT IGNORE INTO ${sql.identifier(table)} (event_id) VALUES ${sqlValues(
      unique.map((key) => [key]),
    )} RETURNING event_id`,
  )) as unknown as [Array<{ event_id: string }>];
  return new Set(result[0].map((row) => row.event_id));
}

/** What makes a claiming transaction worth running again: a lock conflict or a claim race. */
export const isClaimConflict = (error: unknown): boolean =>
  isLockConflict(error) || isDuplicateKey(error);
