import { inArray } from 'drizzle-orm';
import type { PoolsQueryable } from '../db/index.ts';
import { poolExternalIds } from '../db/schema.ts';

export interface PoolExternalIdRow {
  externalId: string;
  poolId: string;
}

/** selectPoolIdsByExternalIds: the imported pools these dataset ids became. */
export async function selectPoolIdsByExternalIds(
  db: PoolsQueryable,
  externalIds: readonly string[],
): Promise<PoolExternalIdRow[]> {
  if (externalIds.length === 0) return [];
  return db
    .select()
    .from(poolExternalIds)
    .where(inArray(poolExternalIds.externalId, [...externalIds]));
}

/** insertPoolExternalIds: fails with a duplicate key when another import got there first. */
export async function insertPoolExternalIds(
  db: PoolsQueryable,
  rows: readonly PoolExternalIdRow[],
): Promise<void> {
  if (rows.length > 0) await db.insert(poolExternalIds).values([...rows]);
}
