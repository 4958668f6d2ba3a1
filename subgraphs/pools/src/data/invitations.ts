import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { PoolsQueryable, PoolsTx } from '../db/index.ts';
import { poolInvitations, pools } from '../db/schema.ts';
import type { MemberKey } from './memberships.ts';

/** An invitation with its pool's name and manager (shown with it, checked against the caller). */
export type InvitationRow = typeof poolInvitations.$inferSelect & {
  poolName: string;
  managerId: string;
};
export type NewInvitation = typeof poolInvitations.$inferInsert;

const withPool = (db: PoolsQueryable) =>
  db
    .select({ invitation: poolInvitations, poolName: pools.name, managerId: pools.managerId })
    .from(poolInvitations)
    .innerJoin(pools, eq(pools.id, poolInvitations.poolId));

const flat = (
  rows: Array<{
    invitation: typeof poolInvitations.$inferSelect;
    poolName: string;
    managerId: string;
  }>,
) => rows.map(({ invitation, poolName, managerId }) => ({ ...invitation, poolName, managerId }));

export async function insertInvitation(tx: PoolsTx, row: NewInvitation): Promise<void> {
  await tx.insert(poolInvitations).values(row);
}

export async function selectInvitationById(
  db: PoolsQueryable,
  id: string,
): Promise<InvitationRow | undefined> {
  return flat(await withPool(db).where(eq(poolInvitations.id, id)))[0];
}

export async function selectInvitationByTokenHash(
  db: PoolsQueryable,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  return flat(await withPool(db).where(eq(poolInvitations.tokenHash, tokenHash)))[0];
}

/**
 * lockInvitation: one invitation row, locked. Callers hold its pool's row lock first (the one
 * lock order: pool, then what belongs to it).
 */
export async function lockInvitation(tx: PoolsTx, id: string): Promise<InvitationRow | undefined> {
  return flat(await withPool(tx).where(eq(poolInvitations.id, id)).for('update'))[0];
}

/** selectInvitationsByPoolIds: the invitations of several pools, newest first. */
export async function selectInvitationsByPoolIds(
  db: PoolsQueryable,
  poolIds: readonly string[],
): Promise<InvitationRow[]> {
  if (poolIds.length === 0) return [];
  return flat(
    await withPool(db)
      .where(inArray(poolInvitations.poolId, [...poolIds]))
      .orderBy(desc(poolInvitations.id)),
  );
}

/**
 * selectEmailInvitationsOf: an investor's claimed EMAIL invitations, newest first (ids are
 * UUIDv7); a page of `limit` older than the id `beforeId` when given.
 */
export async function selectEmailInvitationsOf(
  db: PoolsQueryable,
  investorId: string,
  page: { beforeId?: string | null; limit?: number } = {},
): Promise<InvitationRow[]> {
  const query = withPool(db)
    .where(
      and(
        eq(poolInvitations.investorId, investorId),
        eq(poolInvitations.kind, 'EMAIL'),
        page.beforeId ? lt(poolInvitations.id, page.beforeId) : undefined,
      ),
    )
    .orderBy(desc(poolInvitations.id));
  return flat(await (page.limit === undefined ? query : query.limit(page.limit)));
}

/**
 * claimEmailInvitations: binds the unclaimed EMAIL invitations of `email` (normalized) to the
 * account that proved it owns that email. Idempotent; an invitation is claimed once, for good.
 */
export async function claimEmailInvitations(
  db: PoolsQueryable,
  email: string,
  investorId: string,
): Promise<void> {
  await db
    .update(poolInvitations)
    .set({ investorId })
    .where(
      and(
        eq(poolInvitations.kind, 'EMAIL'),
        eq(poolInvitations.email, email),
        isNull(poolInvitations.investorId),
      ),
    );
}

/** The SQL test for "can still be accepted": PENDING, not expired, uses left. */
export const liveInvitation = (now: Date) =>
  and(
    eq(poolInvitations.status, 'PENDING'),
    gt(poolInvitations.expiresAt, now),
    sql`(${poolInvitations.maxUses} IS NULL OR ${poolInvitations.uses} < ${poolInvitations.maxUses})`,
  );

/** The pools an investor holds a live claimed invitation to (for the visibility rule's SQL). */
export const invitedPoolIds = (db: PoolsQueryable, investorId: string, now: Date) =>
  db
    .select({ poolId: poolInvitations.poolId })
    .from(poolInvitations)
    .where(and(eq(poolInvitations.investorId, investorId), liveInvitation(now)));

/** selectInvitedKeys: which (pool, investor) pairs have a live claimed invitation, in one query. */
export async function selectInvitedKeys(
  db: PoolsQueryable,
  keys: readonly MemberKey[],
  now: Date,
): Promise<MemberKey[]> {
  if (keys.length === 0) return [];
  const investorIds = [...new Set(keys.map((k) => k.investorId))];
  const poolIds = [...new Set(keys.map((k) => k.poolId))];
  const rows = await db
    .selectDistinct({ poolId: poolInvitations.poolId, investorId: poolInvitations.investorId })
    .from(poolInvitations)
    .where(
      and(
        inArray(poolInvitations.investorId, investorIds),
        inArray(poolInvitations.poolId, poolIds),
        liveInvitation(now),
      ),
    );
  return rows.map((row) => ({ poolId: row.poolId, investorId: row.investorId! }));
}

/**
 * countLiveEmailInvitations: live invitations of one email to one pool, as a locking read (the
 * caller holds the pool row lock, so no other invitation of this pool is written meanwhile).
 */
export async function countLiveInvitations(
  tx: PoolsTx,
  poolId: string,
  email: string | null,
  now: Date,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`COUNT(*)` })
    .from(poolInvitations)
    .where(
      and(
        eq(poolInvitations.poolId, poolId),
        email === null ? undefined : eq(poolInvitations.email, email),
        liveInvitation(now),
      ),
    )
    .for('update');
  return Number(row?.n ?? 0);
}

export async function updateInvitationStatus(
  tx: PoolsTx,
  id: string,
  status: 'ACCEPTED' | 'DECLINED' | 'REVOKED',
  now: Date,
): Promise<void> {
  await tx
    .update(poolInvitations)
    .set({ status, respondedAt: now })
    .where(eq(poolInvitations.id, id));
}

/** countInvitationUse: one more investor joined through the invitation. */
export async function countInvitationUse(tx: PoolsTx, id: string): Promise<void> {
  await tx
    .update(poolInvitations)
    .set({ uses: sql`${poolInvitations.uses} + 1` })
    .where(eq(poolInvitations.id, id));
}
