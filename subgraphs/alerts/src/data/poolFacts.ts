import { eq, inArray, sql } from 'drizzle-orm';
import type { PoolChangedPayload } from '@poolgraph/events';
import type { AlertsQueryable } from '../db/index.ts';
import { poolFacts } from '../db/schema.ts';

/** A reference to a pool entity (the GraphQL Pool stub). */
export interface PoolRef {
  id: string;
}

export interface PoolFactsRow {
  poolId: string;
  revision: number;
  name: string;
  managerId: string;
  currency: string;
  status: string;
  targetMinor: bigint | null;
}

/** selectPoolFacts: what alerts holds about one pool, or null before its first event arrived. */
export async function selectPoolFacts(
  db: AlertsQueryable,
  poolId: string,
): Promise<PoolFactsRow | null> {
  const [row] = await db
    .select({
      poolId: poolFacts.poolId,
      revision: poolFacts.revision,
      name: poolFacts.name,
      managerId: poolFacts.managerId,
      currency: poolFacts.currency,
      status: poolFacts.status,
      targetMinor: poolFacts.targetMinor,
    })
    .from(poolFacts)
    .where(eq(poolFacts.poolId, poolId));
  return row ?? null;
}

/** selectPoolFactsByIds: the facts of several pools at once (a consumer's batch). */
export async function selectPoolFactsByIds(
  db: AlertsQueryable,
  poolIds: readonly string[],
): Promise<PoolFactsRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select({
      poolId: poolFacts.poolId,
      revision: poolFacts.revision,
      name: poolFacts.name,
      managerId: poolFacts.managerId,
      currency: poolFacts.currency,
      status: poolFacts.status,
      targetMinor: poolFacts.targetMinor,
    })
    .from(poolFacts)
    .where(inArray(poolFacts.poolId, [...poolIds]));
}

/**
 * upsertPoolFacts: applies PoolChanged snapshots, each only when its revision is newer than the
 * one held (one statement for all, rows in order, so concurrent workers and reordered
 * redeliveries cannot regress it).
 * MariaDB evaluates the assignments left to right, and drizzle writes them in the table's column
 * order, so `revision` (the second column) is already GREATEST(old, new) when the others are
 * decided: "newer" is then `VALUES(revision) >= revision` (an equal revision is the same
 * snapshot again, so taking it changes nothing). With `>` no later snapshot was ever taken.
 */
export async function upsertPoolFacts(
  db: AlertsQueryable,
  snapshots: readonly PoolChangedPayload[],
): Promise<void> {
  if (snapshots.length === 0) return;
  const newer = sql`VALUES(revision) >= revision`;
  const pick = (column: string) =>
    sql`IF(${newer}, VALUES(${sql.identifier(column)}), ${sql.identifier(column)})`;
  await db
    .insert(poolFacts)
    .values(
      snapshots.map((p) => ({
        poolId: p.poolId,
        revision: p.revision,
        name: p.name.slice(0, 200),
        managerId: p.managerId,
        currency: p.currency,
        status: p.status,
        targetMinor: p.targetMinor === null ? null : BigInt(p.targetMinor),
      })),
    )
    .onDuplicateKeyUpdate({
      set: {
        name: pick('name'),
        managerId: pick('manager_id'),
        currency: pick('currency'),
        status: pick('status'),
        targetMinor: pick('target_minor'),
        updatedAt: sql`IF(${newer}, CURRENT_TIMESTAMP(3), updated_at)`,
        revision: sql`GREATEST(revision, VALUES(revision))`,
      },
    });
}
