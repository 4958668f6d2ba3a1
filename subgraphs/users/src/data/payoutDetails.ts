import { inArray } from 'drizzle-orm';
import type { UsersQueryable } from '../db/index.ts';
import { payoutDetails } from '../db/schema.ts';

/** A row as stored: `details` is sealed, opened only in services/payoutDetails.ts. */
export type PayoutDetailsRow = typeof payoutDetails.$inferSelect;

export async function selectPayoutDetailsByUserIds(
  db: UsersQueryable,
  userIds: readonly string[],
): Promise<PayoutDetailsRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(payoutDetails)
    .where(inArray(payoutDetails.userId, [...userIds]));
}

/** upsertPayoutDetails: one bank account per user; a new one replaces the old. */
export async function upsertPayoutDetails(
  db: UsersQueryable,
  row: { userId: string; details: string; ibanLast4: string; updatedAt: Date },
): Promise<void> {
  await db
    .insert(payoutDetails)
    .values(row)
    .onDuplicateKeyUpdate({
      set: { details: row.details, ibanLast4: row.ibanLast4, updatedAt: row.updatedAt },
    });
}
