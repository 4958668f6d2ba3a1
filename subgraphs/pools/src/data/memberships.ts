import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { PoolsQueryable, PoolsTx } from '../db/index.ts';
import { memberships, pools } from '../db/schema.ts';
import { isDuplicateKey } from '@poolgraph/platform';

/** A membership with its pool's currency, so its amounts can be formatted without another query. */
export interface MembershipRow {
  id: string;
  poolId: string;
  investorId: string;
  commitmentMinor: bigint;
  creditMinor: bigint;
  joinedAt: Date;
  currency: string;
}

export type NewMembership = typeof memberships.$inferInsert;

/** A (pool, investor) pair: the second key of Membership. */
export interface MemberKey {
  poolId: string;
  investorId: string;
}

export const memberKey = ({ poolId, investorId }: MemberKey): string => `${poolId}:${investorId}`;

const columns = {
  id: memberships.id,
  poolId: memberships.poolId,
  investorId: memberships.investorId,
  commitmentMinor: memberships.commitmentMinor,
  creditMinor: memberships.creditMinor,
  joinedAt: memberships.joinedAt,
  currency: pools.currency,
};

const withCurrency = (db: PoolsQueryable) =>
  db.select(columns).from(memberships).innerJoin(pools, eq(pools.id, memberships.poolId));

export async function selectMembershipsByIds(
  db: PoolsQueryable,
  ids: readonly string[],
): Promise<MembershipRow[]> {
  if (ids.length === 0) return [];
  return withCurrency(db).where(inArray(memberships.id, [...ids]));
}

/** selectMembershipsByPoolIds: the members of many pools in one query, oldest first. */
export async function selectMembershipsByPoolIds(
  db: PoolsQueryable,
  poolIds: readonly string[],
): Promise<MembershipRow[]> {
  if (poolIds.length === 0) return [];
  return withCurrency(db)
    .where(inArray(memberships.poolId, [...poolIds]))
    .orderBy(asc(memberships.joinedAt), asc(memberships.id));
}

/** selectMembershipsByInvestorIds: what several investors joined, newest first. */
export async function selectMembershipsByInvestorIds(
  db: PoolsQueryable,
  investorIds: readonly string[],
): Promise<MembershipRow[]> {
  if (investorIds.length === 0) return [];
  return withCurrency(db)
    .where(inArray(memberships.investorId, [...investorIds]))
    .orderBy(desc(memberships.joinedAt), desc(memberships.id));
}

/**
 * The SQL condition for a set of (pool, investor) pairs, grouped on whichever side has fewer
 * distinct values: `investor = ? AND pool IN (…)` per investor (a request usually asks about
 * one investor, the caller) or `pool = ? AND investor IN (…)` per pool.
 */
export function memberKeysCondition(
  columns: { poolId: MySqlColumn; investorId: MySqlColumn },
  keys: readonly MemberKey[],
): SQL | undefined {
  const byInvestor = new Map<string, string[]>();
  const byPool = new Map<string, string[]>();
  for (const { poolId, investorId } of keys) {
    byInvestor.set(investorId, [...(byInvestor.get(investorId) ?? []), poolId]);
    byPool.set(poolId, [...(byPool.get(poolId) ?? []), investorId]);
  }
  if (byInvestor.size <= byPool.size) {
    return or(
      ...[...byInvestor].map(([investorId, poolIds]) =>
        and(eq(columns.investorId, investorId), inArray(columns.poolId, poolIds)),
      ),
    );
  }
  return or(
    ...[...byPool].map(([poolId, investorIds]) =>
      and(eq(columns.poolId, poolId), inArray(columns.investorId, investorIds)),
    ),
  );
}

/** selectMembershipsByKeys: memberships by (pool, investor) pairs in one query. */
export async function selectMembershipsByKeys(
  db: PoolsQueryable,
  keys: readonly MemberKey[],
): Promise<MembershipRow[]> {
  if (keys.length === 0) return [];
  return withCurrency(db).where(memberKeysCondition(memberships, keys));
}

/** countMembersByPoolIds: member counts of many pools in one grouped query. */
export async function countMembersByPoolIds(
  db: PoolsQueryable,
  poolIds: readonly string[],
): Promise<Map<string, number>> {
  if (poolIds.length === 0) return new Map();
  const rows = await db
    .select({ poolId: memberships.poolId, members: count() })
    .from(memberships)
    .where(inArray(memberships.poolId, [...poolIds]))
    .groupBy(memberships.poolId);
  return new Map(rows.map((row) => [row.poolId, Number(row.members)]));
}

/**
 * lockMembershipsOfPool: every member row of a pool, locked, ordered by investor id (the order
 * pro-rata splits use). A locking read, so it sees the latest committed rows, not a snapshot.
 */
export async function lockMembershipsOfPool(tx: PoolsTx, poolId: string): Promise<MembershipRow[]> {
  return withCurrency(tx)
    .where(eq(memberships.poolId, poolId))
    .orderBy(asc(memberships.investorId))
    .for('update');
}

/** lockMembership: one member row, locked until the transaction ends. */
export async function lockMembership(
  tx: PoolsTx,
  key: MemberKey,
): Promise<MembershipRow | undefined> {
  const [row] = await withCurrency(tx)
    .where(and(eq(memberships.poolId, key.poolId), eq(memberships.investorId, key.investorId)))
    .for('update');
  return row;
}

/**
 * lockMembershipRow: one member row locked, its pool's currency read without a lock. For
 * settlement, which holds no pool lock: the join in lockMembership would lock the pool row
 * after the membership, the reverse of what calls, joins and removals do (pool, then
 * memberships), and deadlock with them. The currency cannot change once a pool has members.
 */
export async function lockMembershipRow(
  tx: PoolsTx,
  key: MemberKey,
): Promise<MembershipRow | undefined> {
  const { currency: _currency, ...memberColumns } = columns;
  const [member] = await tx
    .select(memberColumns)
    .from(memberships)
    .where(and(eq(memberships.poolId, key.poolId), eq(memberships.investorId, key.investorId)))
    .for('update');
  if (!member) return undefined;
  const [pool] = await tx
    .select({ currency: pools.currency })
    .from(pools)
    .where(eq(pools.id, member.poolId));
  return pool && { ...member, currency: pool.currency };
}

/**
 * lockMembershipRowsByKeys: many member rows locked in one statement, in (pool, investor) order
 * (the order lockMembershipRow's callers take them one by one), without their pools' currency
 * (selectPoolCurrencies reads it without a lock, for the reason given there). For a batch of
 * settlement.
 */
export async function lockMembershipRowsByKeys(
  tx: PoolsTx,
  keys: readonly MemberKey[],
): Promise<Array<Omit<MembershipRow, 'currency'>>> {
  if (keys.length === 0) return [];
  const { currency: _currency, ...memberColumns } = columns;
  return tx
    .select(memberColumns)
    .from(memberships)
    .where(memberKeysCondition(memberships, keys))
    .orderBy(asc(memberships.poolId), asc(memberships.investorId))
    .for('update');
}

/** selectPoolCurrencies: each pool's currency, unlocked (it cannot change once a pool has members). */
export async function selectPoolCurrencies(
  tx: PoolsQueryable,
  poolIds: readonly string[],
): Promise<Map<string, string>> {
  if (poolIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: pools.id, currency: pools.currency })
    .from(pools)
    .where(inArray(pools.id, [...poolIds]));
  return new Map(rows.map((row) => [row.id, row.currency]));
}

/** insertMembership: false when the investor is already a member (the unique key decides). */
export async function insertMembership(db: PoolsQueryable, row: NewMembership): Promise<boolean> {
  try {
    await db.insert(memberships).values(row);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function deleteMembership(tx: PoolsTx, key: MemberKey): Promise<void> {
  await tx
    .delete(memberships)
    .where(and(eq(memberships.poolId, key.poolId), eq(memberships.investorId, key.investorId)));
}

/** updateMembershipCommitment: a member's new commitment (the caller holds the pool row lock). */
export async function updateMembershipCommitment(
  tx: PoolsTx,
  id: string,
  commitmentMinor: bigint,
): Promise<void> {
  await tx.update(memberships).set({ commitmentMinor }).where(eq(memberships.id, id));
}

export async function updateMembershipCredit(
  tx: PoolsTx,
  id: string,
  creditMinor: bigint,
): Promise<void> {
  await tx.update(memberships).set({ creditMinor }).where(eq(memberships.id, id));
}

/** updateMembershipCredits: many members' new credit in one statement. */
export async function updateMembershipCredits(
  tx: PoolsTx,
  credits: ReadonlyArray<{ id: string; creditMinor: bigint }>,
): Promise<void> {
  if (credits.length === 0) return;
  if (credits.length === 1)
    return updateMembershipCredit(tx, credits[0]!.id, credits[0]!.creditMinor);
  const cases = sql.join(
    credits.map((c) => sql`WHEN ${c.id} THEN CAST(${c.creditMinor.toString()} AS SIGNED)`),
    sql` `,
  );
  await tx
    .update(memberships)
    .set({ creditMinor: sql`CASE ${memberships.id} ${cases} END` })
    .where(
      inArray(
        memberships.id,
        credits.map((c) => c.id),
      ),
    );
}

/**
 * countMembersLocked: the member count as a locking read (latest committed rows, not the
 * transaction's snapshot); callers hold the pool row lock, so no member is added meanwhile.
 */
export async function countMembersLocked(tx: PoolsTx, poolId: string): Promise<number> {
  const [row] = await tx
    .select({ members: count() })
    .from(memberships)
    .where(eq(memberships.poolId, poolId))
    .for('update');
  return Number(row?.members ?? 0);
}
