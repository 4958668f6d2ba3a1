import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { AlertsQueryable } from '../db/index.ts';

/** A delivery outbox: rows wait PENDING until `next_attempt_at` (notifications and the like). */
type OutboxTable = MySqlTable & {
  id: MySqlColumn;
  status: MySqlColumn;
  nextAttemptAt: MySqlColumn;
};

/** A dispatcher pass's claim: at most `limit` rows due at `now` (default now), held `leaseMs`. */
export interface Lease {
  limit: number;
  leaseMs: number;
  now?: Date;
}

/**
 * claimDue: an outbox's PENDING rows whose time has come, oldest due first, locked with
 * FOR UPDATE SKIP LOCKED (several dispatchers never take the same row) and leased:
 * next_attempt_at moved `leaseMs` ahead in the same transaction, so a dispatcher that dies
 * mid-delivery leaves its rows to be tried again once the lease runs out. The one claim of the
 * three outboxes (alert notifications, notice emails, partner deliveries).
 */
export function claimDue<TSelection extends { id: MySqlColumn } & Record<string, MySqlColumn>>(
  db: AlertsQueryable,
  table: OutboxTable,
  selection: TSelection,
  { limit, leaseMs, now = new Date() }: Lease,
): Promise<Array<SelectResultFields<TSelection>>> {
  return db.transaction(async (tx) => {
    const rows = (await tx
      .select(selection as Record<string, MySqlColumn>)
      .from(table)
      .where(and(eq(table.status, 'PENDING'), lte(table.nextAttemptAt, now)))
      .orderBy(asc(table.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true })) as Array<
      SelectResultFields<TSelection> & { id: string }
    >;
    const ids = rows.map((row) => row.id);
    if (ids.length) {
      const leasedUntil = new Date(now.getTime() + leaseMs);
      await tx.update(table).set({ nextAttemptAt: leasedUntil }).where(inArray(table.id, ids));
    }
    return rows;
  });
}
