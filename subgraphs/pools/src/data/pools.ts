import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { MySqlSelect } from 'drizzle-orm/mysql-core';
import type { Delegation } from '@poolgraph/auth';
import type { PoolsQueryable, PoolsTx } from '../db/index.ts';
import { memberships, pools, type POOL_STATUSES, type POOL_VISIBILITIES } from '../db/schema.ts';
import { invitedPoolIds } from './invitations.ts';

export type PoolStatus = (typeof POOL_STATUSES)[number];
export type PoolVisibility = (typeof POOL_VISIBILITIES)[number];
export type PoolRow = typeof pools.$inferSelect;
export type NewPool = typeof pools.$inferInsert;
/** The editable settings; `undefined` leaves a column unchanged, `null` clears it. */
export type PoolChanges = Partial<
  Pick<
    NewPool,
    | 'name'
    | 'description'
    | 'currency'
    | 'targetMinor'
    | 'minContributionMinor'
    | 'maxInvestors'
    | 'visibility'
  >
>;

/** selectPoolsByIds: one query for any number of ids (the Pool loader's batch). */
export async function selectPoolsByIds(
  db: PoolsQueryable,
  ids: readonly string[],
): Promise<PoolRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(pools)
    .where(inArray(pools.id, [...ids]));
}

/** selectPoolsByManagerIds: the pools of several managers, newest first. */
export async function selectPoolsByManagerIds(
  db: PoolsQueryable,
  managerIds: readonly string[],
): Promise<PoolRow[]> {
  if (managerIds.length === 0) return [];
  return db
    .select()
    .from(pools)
    .where(inArray(pools.managerId, [...managerIds]))
    .orderBy(desc(pools.id));
}

/** A page of a pool list (newest first): the pools older than `beforeId`, at most `limit`. */
export interface PoolPage {
  beforeId?: string | null;
  limit?: number;
}

const olderThan = (page: PoolPage) => (page.beforeId ? lt(pools.id, page.beforeId) : undefined);
const limited = <Q extends MySqlSelect>(query: Q, page: PoolPage) =>
  page.limit === undefined ? query : query.limit(page.limit);

/** selectAllPools: every pool, newest first (admins). */
export async function selectAllPools(db: PoolsQueryable, page: PoolPage = {}): Promise<PoolRow[]> {
  const query = db.select().from(pools).where(olderThan(page)).orderBy(desc(pools.id));
  return limited(query.$dynamic(), page);
}

/**
 * selectPoolsVisibleTo: one query for a non-admin's list (the rule of access.ts canSeePool): the
 * pools they manage or belong to, OPEN LISTED pools, and the DRAFT or OPEN pools of their live
 * invitations. Ids are UUIDv7, so ordering by id is newest first.
 */
export async function selectPoolsVisibleTo(
  db: PoolsQueryable,
  userId: string,
  page: PoolPage = {},
): Promise<PoolRow[]> {
  const joined = db
    .select({ poolId: memberships.poolId })
    .from(memberships)
    .where(eq(memberships.investorId, userId));
  const query = db
    .select()
    .from(pools)
    .where(
      and(
        olderThan(page),
        or(
          eq(pools.managerId, userId),
          and(eq(pools.status, 'OPEN'), eq(pools.visibility, 'LISTED')),
          inArray(pools.id, joined),
          and(
            inArray(pools.status, ['DRAFT', 'OPEN']),
            inArray(pools.id, invitedPoolIds(db, userId, new Date())),
          ),
        ),
      ),
    )
    .orderBy(desc(pools.id));
  return limited(query.$dynamic(), page);
}

/**
 * selectPoolsDelegatedTo: a delegated key's list (access.ts canSeePool for keys): its manager's
 * pools, or those of them it names. Newest first, as selectPoolsVisibleTo.
 */
export async function selectPoolsDelegatedTo(
  db: PoolsQueryable,
  delegation: Delegation,
  page: PoolPage = {},
): Promise<PoolRow[]> {
  const ofManager = eq(pools.managerId, delegation.managerId);
  const query = db
    .select()
    .from(pools)
    .where(
      and(
        olderThan(page),
        ofManager,
        delegation.poolIds === null ? undefined : inArray(pools.id, [...delegation.poolIds]),
      ),
    )
    .orderBy(desc(pools.id));
  return limited(query.$dynamic(), page);
}

export async function insertPools(db: PoolsQueryable, rows: NewPool[]): Promise<void> {
  if (rows.length > 0) await db.insert(pools).values(rows);
}

/** lockPool: the pool row with an exclusive lock until the transaction ends (serializes changes). */
export async function lockPool(tx: PoolsTx, id: string): Promise<PoolRow | undefined> {
  const [row] = await tx.select().from(pools).where(eq(pools.id, id)).for('update');
  return row;
}

export async function updatePool(tx: PoolsTx, id: string, changes: PoolChanges): Promise<void> {
  await tx
    .update(pools)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(pools.id, id));
}

export async function updatePoolStatus(tx: PoolsTx, id: string, status: PoolStatus): Promise<void> {
  await tx.update(pools).set({ status, updatedAt: new Date() }).where(eq(pools.id, id));
}

/** bumpRevision: counts one more change of a pool whose row the caller holds locked. */
export async function bumpRevision(tx: PoolsTx, id: string): Promise<void> {
  await tx
    .update(pools)
    .set({ revision: sql`${pools.revision} + 1` })
    .where(eq(pools.id, id));
}

/** What a PoolChanged event carries beyond the pool row: its members' and calls' totals. */
export interface PoolTotals {
  committedMinor: bigint;
  calledMinor: bigint;
  memberCount: number;
}

/** selectPoolTotals: commitments, members and capital called of one pool, in one round trip. */
export async function selectPoolTotals(tx: PoolsTx, id: string): Promise<PoolTotals> {
  const [rows] = (await tx.execute(
    sql`SELECT
      (SELECT COALESCE(SUM(commitment_minor), 0) FROM memberships WHERE pool_id = ${id}) AS committed,
      (SELECT COUNT(*) FROM memberships WHERE pool_id = ${id}) AS members,
      (SELECT COALESCE(SUM(called_minor), 0) FROM capital_call_items WHERE pool_id = ${id}) AS called`,
  )) as unknown as [Array<{ committed: string; members: string | number; called: string }>];
  const row = rows[0]!;
  return {
    committedMinor: BigInt(row.committed),
    calledMinor: BigInt(row.called),
    memberCount: Number(row.members),
  };
}
