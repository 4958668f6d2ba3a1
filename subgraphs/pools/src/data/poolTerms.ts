import { desc, eq, inArray } from 'drizzle-orm';
import type { PoolsQueryable, PoolsTx } from '../db/index.ts';
import { poolTerms } from '../db/schema.ts';

export type PoolTermsRow = typeof poolTerms.$inferSelect;
export type NewPoolTerms = typeof poolTerms.$inferInsert;

/** selectTermsByPoolIds: every version of many pools' terms, newest version first (one query). */
export async function selectTermsByPoolIds(
  db: PoolsQueryable,
  poolIds: readonly string[],
): Promise<PoolTermsRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select()
    .from(poolTerms)
    .where(inArray(poolTerms.poolId, [...poolIds]))
    .orderBy(poolTerms.poolId, desc(poolTerms.version));
}

/**
 * selectCurrentTerms: the version in force (the newest), read inside a change that holds the
 * pool's row lock, so no other version can be written meanwhile.
 */
export async function selectCurrentTerms(
  tx: PoolsTx,
  poolId: string,
): Promise<PoolTermsRow | undefined> {
  const [row] = await tx
    .select()
    .from(poolTerms)
    .where(eq(poolTerms.poolId, poolId))
    .orderBy(desc(poolTerms.version))
    .limit(1);
  return row;
}

export async function insertPoolTerms(tx: PoolsTx, row: NewPoolTerms): Promise<void> {
  await tx.insert(poolTerms).values(row);
}
