import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { PoolsQueryable, PoolsTx } from '../db/index.ts';
import { capitalCallItems, capitalCalls, pools } from '../db/schema.ts';
import { memberKeysCondition, type MemberKey } from './memberships.ts';

/** A capital call with its pool's currency. `percent` is the stored DECIMAL(7,4) text. */
export interface CapitalCallRow {
  id: string;
  poolId: string;
  percent: string;
  dueDate: Date;
  createdAt: Date;
  currency: string;
}

export interface CapitalCallItemRow {
  callId: string;
  poolId: string;
  investorId: string;
  dueDate: Date;
  calledMinor: bigint;
  paidMinor: bigint;
  currency: string;
}

export type NewCapitalCall = typeof capitalCalls.$inferInsert;
export type NewCapitalCallItem = typeof capitalCallItems.$inferInsert;

const callColumns = {
  id: capitalCalls.id,
  poolId: capitalCalls.poolId,
  percent: capitalCalls.percent,
  dueDate: capitalCalls.dueDate,
  createdAt: capitalCalls.createdAt,
  currency: pools.currency,
};

const itemColumns = {
  callId: capitalCallItems.callId,
  poolId: capitalCallItems.poolId,
  investorId: capitalCallItems.investorId,
  dueDate: capitalCallItems.dueDate,
  calledMinor: capitalCallItems.calledMinor,
  paidMinor: capitalCallItems.paidMinor,
  currency: pools.currency,
};

/** selectCapitalCallsByPoolIds: the calls of many pools, by due date then creation. */
export async function selectCapitalCallsByPoolIds(
  db: PoolsQueryable,
  poolIds: readonly string[],
): Promise<CapitalCallRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select(callColumns)
    .from(capitalCalls)
    .innerJoin(pools, eq(pools.id, capitalCalls.poolId))
    .where(inArray(capitalCalls.poolId, [...poolIds]))
    .orderBy(asc(capitalCalls.dueDate), asc(capitalCalls.id));
}

/** selectCallItemsByCallIds: the items of many calls, ordered by investor id. */
export async function selectCallItemsByCallIds(
  db: PoolsQueryable,
  callIds: readonly string[],
): Promise<CapitalCallItemRow[]> {
  if (callIds.length === 0) return [];
  return db
    .select(itemColumns)
    .from(capitalCallItems)
    .innerJoin(pools, eq(pools.id, capitalCallItems.poolId))
    .where(inArray(capitalCallItems.callId, [...callIds]))
    .orderBy(asc(capitalCallItems.callId), asc(capitalCallItems.investorId));
}

export interface MemberCallTotals extends MemberKey {
  calledMinor: bigint;
  paidMinor: bigint;
}

/** selectCallTotalsByMembers: called and paid sums per (pool, investor) in one grouped query. */
export async function selectCallTotalsByMembers(
  db: PoolsQueryable,
  keys: readonly MemberKey[],
): Promise<MemberCallTotals[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({
      poolId: capitalCallItems.poolId,
      investorId: capitalCallItems.investorId,
      // SUM of BIGINT is DECIMAL in MySQL; mysql2 returns it as a string, read here as bigint.
      called: sql<string>`SUM(${capitalCallItems.calledMinor})`,
      paid: sql<string>`SUM(${capitalCallItems.paidMinor})`,
    })
    .from(capitalCallItems)
    .where(memberKeysCondition(capitalCallItems, keys))
    .groupBy(capitalCallItems.poolId, capitalCallItems.investorId);
  return rows.map((row) => ({
    poolId: row.poolId,
    investorId: row.investorId,
    calledMinor: BigInt(row.called),
    paidMinor: BigInt(row.paid),
  }));
}

/**
 * sumCalledPercent: the percent already called on a pool, as DECIMAL text ("0.0000" when
 * none). Read under the pool row lock, as a locking read so it sees every committed call.
 */
export async function sumCalledPercentLocked(tx: PoolsTx, poolId: string): Promise<string> {
  const [row] = await tx
    .select({ total: sql<string | null>`SUM(${capitalCalls.percent})` })
    .from(capitalCalls)
    .where(eq(capitalCalls.poolId, poolId))
    .for('update');
  return row?.total ?? '0';
}

/** sumCalledByInvestorLocked: what each member of a pool has been called so far. */
export async function sumCalledByInvestorLocked(
  tx: PoolsTx,
  poolId: string,
): Promise<Map<string, bigint>> {
  const rows = await tx
    .select({
      investorId: capitalCallItems.investorId,
      called: sql<string>`SUM(${capitalCallItems.calledMinor})`,
    })
    .from(capitalCallItems)
    .where(eq(capitalCallItems.poolId, poolId))
    .groupBy(capitalCallItems.investorId)
    .for('update');
  return new Map(rows.map((row) => [row.investorId, BigInt(row.called)]));
}

export async function insertCapitalCall(
  tx: PoolsTx,
  call: NewCapitalCall,
  items: NewCapitalCallItem[],
): Promise<void> {
  await tx.insert(capitalCalls).values(call);
  if (items.length > 0) await tx.insert(capitalCallItems).values(items);
}

/** A member's item as settlement locks it (no pool columns: see lockOpenItems). */
export type SettlementItemRow = Pick<
  CapitalCallItemRow,
  'callId' | 'dueDate' | 'calledMinor' | 'paidMinor'
>;

const settlementItemColumns = {
  callId: capitalCallItems.callId,
  dueDate: capitalCallItems.dueDate,
  calledMinor: capitalCallItems.calledMinor,
  paidMinor: capitalCallItems.paidMinor,
};

const itemsOfMember = (key: MemberKey) =>
  and(eq(capitalCallItems.poolId, key.poolId), eq(capitalCallItems.investorId, key.investorId));

/**
 * lockOpenItems: a member's items with something left to pay, oldest due first, locked.
 * Items only, never joined to pools: a locking join would lock the pool row after the
 * membership, the reverse of a call's order (pool, memberships, items), and deadlock with it.
 */
export async function lockOpenItems(tx: PoolsTx, key: MemberKey): Promise<SettlementItemRow[]> {
  return tx
    .select(settlementItemColumns)
    .from(capitalCallItems)
    .where(and(itemsOfMember(key), lt(capitalCallItems.paidMinor, capitalCallItems.calledMinor)))
    .orderBy(asc(capitalCallItems.dueDate), asc(capitalCallItems.callId))
    .for('update');
}

/** An open item with its member, as a batch of settlement locks it. */
export type MemberSettlementItemRow = SettlementItemRow & MemberKey;

/**
 * lockOpenItemsOfMembers: lockOpenItems for many members in one statement, by member (pool,
 * investor), then oldest due first. Nothing for members whose pools have no open call.
 */
export async function lockOpenItemsOfMembers(
  tx: PoolsTx,
  keys: readonly MemberKey[],
): Promise<MemberSettlementItemRow[]> {
  if (keys.length === 0) return [];
  return tx
    .select({
      ...settlementItemColumns,
      poolId: capitalCallItems.poolId,
      investorId: capitalCallItems.investorId,
    })
    .from(capitalCallItems)
    .where(
      and(
        memberKeysCondition(capitalCallItems, keys),
        lt(capitalCallItems.paidMinor, capitalCallItems.calledMinor),
      ),
    )
    .orderBy(
      asc(capitalCallItems.poolId),
      asc(capitalCallItems.investorId),
      asc(capitalCallItems.dueDate),
      asc(capitalCallItems.callId),
    )
    .for('update');
}

/**
 * lockPaidItemsNewestFirst: a member's items with something paid, newest due first (the
 * reverse of lockOpenItems' order), locked; as there, items only. Callers hold the membership
 * row lock first.
 */
export async function lockPaidItemsNewestFirst(
  tx: PoolsTx,
  key: MemberKey,
): Promise<SettlementItemRow[]> {
  return tx
    .select(settlementItemColumns)
    .from(capitalCallItems)
    .where(and(itemsOfMember(key), gt(capitalCallItems.paidMinor, 0n)))
    .orderBy(desc(capitalCallItems.dueDate), desc(capitalCallItems.callId))
    .for('update');
}

export async function updateItemPaid(
  tx: PoolsTx,
  item: Pick<CapitalCallItemRow, 'callId' | 'investorId'>,
  paidMinor: bigint,
): Promise<void> {
  await tx
    .update(capitalCallItems)
    .set({ paidMinor })
    .where(
      and(
        eq(capitalCallItems.callId, item.callId),
        eq(capitalCallItems.investorId, item.investorId),
      ),
    );
}

/** updateItemsPaid: many items' new paid amounts in one statement. */
export async function updateItemsPaid(
  tx: PoolsTx,
  items: ReadonlyArray<Pick<CapitalCallItemRow, 'callId' | 'investorId' | 'paidMinor'>>,
): Promise<void> {
  if (items.length === 0) return;
  if (items.length === 1) return updateItemPaid(tx, items[0]!, items[0]!.paidMinor);
  const isItem = (item: Pick<CapitalCallItemRow, 'callId' | 'investorId'>) =>
    and(eq(capitalCallItems.callId, item.callId), eq(capitalCallItems.investorId, item.investorId));
  const cases = sql.join(
    items.map(
      (item) => sql`WHEN ${isItem(item)} THEN CAST(${item.paidMinor.toString()} AS SIGNED)`,
    ),
    sql` `,
  );
  await tx
    .update(capitalCallItems)
    .set({ paidMinor: sql`CASE ${cases} END` })
    .where(or(...items.map(isItem)));
}

/**
 * releaseUnpaidItems: when a member leaves, what they were called but never paid is no longer
 * owed. Items with nothing paid go; partly paid ones keep only the paid part.
 */
export async function releaseUnpaidItems(tx: PoolsTx, key: MemberKey): Promise<void> {
  const ofMember = and(
    eq(capitalCallItems.poolId, key.poolId),
    eq(capitalCallItems.investorId, key.investorId),
  );
  await tx.delete(capitalCallItems).where(and(ofMember, eq(capitalCallItems.paidMinor, 0n)));
  await tx
    .update(capitalCallItems)
    .set({ calledMinor: sql`${capitalCallItems.paidMinor}` })
    .where(and(ofMember, gt(capitalCallItems.paidMinor, 0n)));
}
