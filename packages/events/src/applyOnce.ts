import { isDuplicateKey } from '@poolgraph/platform';
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

/**
 * applyEventOnce for many events in one MySQL transaction (a consumer's batch): one commit
 * instead of one per event. Each event's id is recorded with INSERT IGNORE, so a redelivered
 * one is skipped and the others still apply; `apply` runs for the new ones, in order.
 */
export async function applyEventsOnce<
  TSchema extends Record<string, unknown>,
  TEvent extends { id: string },
>(
  db: MySql2Database<TSchema>,
  events: readonly TEvent[],
  apply: (tx: TxOf<TSchema>, event: TEvent) => Promise<void>,
  table = 'processed_events',
): Promise<number> {
  return db.transaction(async (tx) => {
    let applied = 0;
    for (const event of events) {
      const [result] = (await tx.execute(
        sql`INSERT IGNORE INTO ${sql.identifier(table)} (event_id) VALUES (${event.id})`,
      )) as unknown as [{ affectedRows: number }];
      if (result.affectedRows === 0) continue;
      await apply(tx, event);
      applied++;
    }
    return applied;
  });
}
