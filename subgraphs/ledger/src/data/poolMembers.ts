import { and, eq, sql } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { poolMembers } from '../db/schema.ts';
import { values } from './rows.ts';

export type PoolMemberRow = typeof poolMembers.$inferSelect;

/** upsertPoolMember: takes a membership snapshot if it is newer than the copy. */
export async function upsertPoolMember(
  db: LedgerQueryable,
  m: { poolId: string; investorId: string; member: boolean; revision: number },
): Promise<void> {
  await db.execute(sql`INSERT INTO pool_members (pool_id, investor_id, member, revision)
    VALUES (${m.poolId}, ${m.investorId}, ${m.member}, ${m.revision})
    ON DUPLICATE KEY UPDATE
      member = IF(VALUES(revision) > revision, VALUES(member), member),
      revision = GREATEST(revision, VALUES(revision))`);
}

/** selectMembers: which of these (pool, investor) pairs are current members, one query. */
export async function selectMembers(
  db: LedgerQueryable,
  keys: ReadonlyArray<{ poolId: string; investorId: string }>,
): Promise<PoolMemberRow[]> {
  if (keys.length === 0) return [];
  const pairs = values(keys.map((k) => [k.poolId, k.investorId]));
  return db
    .select()
    .from(poolMembers)
    .where(sql`(${poolMembers.poolId}, ${poolMembers.investorId}) IN (${pairs})`);
}

/** selectCurrentMemberIds: the investors who are members of a pool now (distributions, fees). */
export async function selectCurrentMemberIds(
  db: LedgerQueryable,
  poolId: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ investorId: poolMembers.investorId })
    .from(poolMembers)
    .where(and(eq(poolMembers.poolId, poolId), eq(poolMembers.member, true)));
  return new Set(rows.map((r) => r.investorId));
}
