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

/** A claimed row's lease: the next_attempt_at its claim wrote. */
export interface Claimed {
  leasedUntil: Date;
}

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
 *
 * Each row comes with its lease (`leasedUntil`): an attempt's outcome is written only while
 * the row still holds it (`heldBy`). A requeue during the attempt (a redelivery, a retry asked
 * for by hand) or another dispatcher's claim once the lease ran out then wins, so the row is
 * sent again instead of being marked with the outcome of the attempt before.
 */
export function claimDue<TSelection extends { id: MySqlColumn } & Record<string, MySqlColumn>>(
  db: AlertsQueryable,
  table: OutboxTable,
  selection: TSelection,
  { limit, leaseMs, now = new Date() }: Lease,
): Promise<Array<SelectResultFields<TSelection> & Claimed>> {
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
    const leasedUntil = new Date(now.getTime() + leaseMs);
    if (ids.length) {
      await tx.update(table).set({ nextAttemptAt: leasedUntil }).where(inArray(table.id, ids));
    }
    return rows.map((row) => ({ ...row, leasedUntil }));
  });
}

/** Where a claimed row's outcome may be written: the row is still PENDING under that claim's lease. */
export const heldBy = (table: OutboxTable, claimed: Claimed & { id: string }) =>
  and(
    eq(table.id, claimed.id),
    eq(table.status, 'PENDING'),
    eq(table.nextAttemptAt, claimed.leasedUntil),
  );
