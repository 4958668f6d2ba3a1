import { sqlValues } from '@poolgraph/platform';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LedgerQueryable, LedgerTx } from '../db/index.ts';
import { poolMembers } from '../db/schema.ts';

/** A membership as the ledger acts on it: `member` is false while the member is leaving. */
export interface PoolMemberRow {
  poolId: string;
  investorId: string;
  member: boolean;
  /** Minor units; null until pools stated it (see the schema). */
  commitmentMinor: bigint | null;
}

/**
 * upsertPoolMember: takes a membership snapshot if it is newer than the copy; one at or above
 * a pending leaving revision ends the leaving (the removal committed, or it failed and that
 * revision went to another change). Assignments run left to right, so `revision` goes last.
 */
export async function upsertPoolMember(
  db: LedgerQueryable,
  m: {
    poolId: string;
    investorId: string;
    member: boolean;
    commitmentMinor: bigint | null;
    revision: number;
  },
): Promise<void> {
  const newer = sql`VALUES(revision) > revision`;
  await db.execute(sql`INSERT INTO pool_members (pool_id, investor_id, member, commitment_minor, revision)
    VALUES (${m.poolId}, ${m.investorId}, ${m.member}, ${m.commitmentMinor}, ${m.revision})
    ON DUPLICATE KEY UPDATE
      member = IF(${newer}, VALUES(member), member),
      commitment_minor = IF(${newer} OR commitment_minor IS NULL,
        COALESCE(VALUES(commitment_minor), commitment_minor), commitment_minor),
      leaving_revision = IF(VALUES(revision) >= leaving_revision, NULL, leaving_revision),
      revision = GREATEST(revision, VALUES(revision))`);
}

/** endLeavingUpTo: a pool event at `revision` ends every leaving mark at or below it. */
export async function endLeavingUpTo(
  db: LedgerQueryable,
  poolId: string,
  revision: number,
): Promise<void> {
  await db.execute(sql`UPDATE pool_members SET leaving_revision = NULL
    WHERE pool_id = ${poolId} AND leaving_revision <= ${revision}`);
}

/** setLeavingRevision: the removal saga's mark (a revision) or its compensation (null, if ours). */
export async function setLeavingRevision(
  tx: LedgerTx,
  key: { poolId: string; investorId: string },
  leaving: { set: number } | { clear: number },
): Promise<void> {
  if ('set' in leaving) {
    // A membership the copy has not heard of yet is recorded as one at revision 0.
    await tx.execute(sql`INSERT INTO pool_members (pool_id, investor_id, member, revision, leaving_revision)
      VALUES (${key.poolId}, ${key.investorId}, TRUE, 0, ${leaving.set})
      ON DUPLICATE KEY UPDATE
        leaving_revision = IF(revision < VALUES(leaving_revision), VALUES(leaving_revision), leaving_revision)`);
    return;
  }
  await tx
    .update(poolMembers)
    .set({ leavingRevision: null })
    .where(
      and(
        eq(poolMembers.poolId, key.poolId),
        eq(poolMembers.investorId, key.investorId),
        eq(poolMembers.leavingRevision, leaving.clear),
      ),
    );
}

export const asActed = (r: typeof poolMembers.$inferSelect): PoolMemberRow => ({
  poolId: r.poolId,
  investorId: r.investorId,
  member: r.member && r.leavingRevision === null,
  commitmentMinor: r.commitmentMinor,
});

/** selectMembers: which of these (pool, investor) pairs are current members, one query. */
export async function selectMembers(
  db: LedgerQueryable,
  keys: ReadonlyArray<{ poolId: string; investorId: string }>,
): Promise<PoolMemberRow[]> {
  if (keys.length === 0) return [];
  const pairs = sqlValues(keys.map((k) => [k.poolId, k.investorId]));
  const rows = await db
    .select()
    .from(poolMembers)
    .where(sql`(${poolMembers.poolId}, ${poolMembers.investorId}) IN (${pairs})`);
  return rows.map(asActed);
}

/** selectCurrentMemberIds: the investors who are members of a pool now (distributions, fees). */
export async function selectCurrentMemberIds(
  db: LedgerQueryable,
  poolId: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ investorId: poolMembers.investorId })
    .from(poolMembers)
    .where(
      and(
        eq(poolMembers.poolId, poolId),
        eq(poolMembers.member, true),
        isNull(poolMembers.leavingRevision),
      ),
    );
  return new Set(rows.map((r) => r.investorId));
}

/** selectCommittedMinor: the sum of a pool's current members' commitments (the fee basis). */
export async function selectCommittedMinor(db: LedgerQueryable, poolId: string): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string | null>`SUM(${poolMembers.commitmentMinor})` })
    .from(poolMembers)
    .where(
      and(
        eq(poolMembers.poolId, poolId),
        eq(poolMembers.member, true),
        isNull(poolMembers.leavingRevision),
      ),
    );
  return BigInt(row?.total ?? 0);
}
