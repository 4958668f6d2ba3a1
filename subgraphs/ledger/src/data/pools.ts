import { inArray } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { poolAccounts } from '../db/schema.ts';

/** A Pool reference as federation hands it over: its key, plus `currency` where @requires asks. */
export interface PoolRef {
  id: string;
  currency?: string | null;
}

export type PoolAccountRow = typeof poolAccounts.$inferSelect;

/** selectPoolAccountsByIds: the cash accounts and totals of any number of pools, in one query. */
export async function selectPoolAccountsByIds(
  db: LedgerQueryable,
  poolIds: readonly string[],
): Promise<PoolAccountRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select()
    .from(poolAccounts)
    .where(inArray(poolAccounts.poolId, [...poolIds]));
}
