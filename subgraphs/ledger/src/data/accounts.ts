import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LedgerTx } from '../db/index.ts';
import { investorAccounts, poolAccounts } from '../db/schema.ts';
import type { PoolAccountRow } from './pools.ts';
import type { InvestorAccountRow } from './positions.ts';
import { insertRows, values } from './rows.ts';

/** What the ledger knows of a pool when it first posts to it (from the pools subgraph). */
export interface PoolIdentity {
  poolId: string;
  currency: string;
  managerId: string;
}

/**
 * lockPoolAccounts: the pools' cash accounts, locked FOR UPDATE in pool id order (the one order
 * every posting path uses, so postings never deadlock each other). Missing rows are created
 * first; creating takes the row lock too (ON DUPLICATE KEY UPDATE locks an existing row).
 */
export async function lockPoolAccounts(
  tx: LedgerTx,
  pools: readonly PoolIdentity[],
): Promise<Map<string, PoolAccountRow>> {
  const ids = [...new Set(pools.map((p) => p.poolId))].sort();
  const select = () =>
    tx
      .select()
      .from(poolAccounts)
      .where(inArray(poolAccounts.poolId, ids))
      .orderBy(asc(poolAccounts.poolId))
      .for('update');
  let rows = await select();
  if (rows.length < ids.length) {
    const known = new Set(rows.map((r) => r.poolId));
    const missing = pools
      .filter((p) => !known.has(p.poolId))
      .sort((a, b) => (a.poolId < b.poolId ? -1 : 1));
    await tx
      .insert(poolAccounts)
      .values(missing)
      .onDuplicateKeyUpdate({ set: { poolId: sql`${poolAccounts.poolId}` } });
    rows = await select();
  }
  return new Map(rows.map((r) => [r.poolId, r]));
}

export interface InvestorKey {
  poolId: string;
  investorId: string;
  currency: string;
}

const byKey = (
  a: { poolId: string; investorId: string },
  b: { poolId: string; investorId: string },
) =>
  a.poolId === b.poolId ? (a.investorId < b.investorId ? -1 : 1) : a.poolId < b.poolId ? -1 : 1;
export const accountKey = (poolId: string, investorId: string) => `${poolId}:${investorId}`;

/** lockInvestorAccounts: capital accounts by (pool, investor), locked in key order; missing ones are created unless create is false. */
export async function lockInvestorAccounts(
  tx: LedgerTx,
  keys: readonly InvestorKey[],
  { create = true } = {},
): Promise<Map<string, InvestorAccountRow>> {
  if (keys.length === 0) return new Map();
  const unique = [
    ...new Map(keys.map((k) => [accountKey(k.poolId, k.investorId), k])).values(),
  ].sort(byKey);
  const pairs = values(unique.map((k) => [k.poolId, k.investorId]));
  const select = () =>
    tx
      .select()
      .from(investorAccounts)
      .where(sql`(${investorAccounts.poolId}, ${investorAccounts.investorId}) IN (${pairs})`)
      .orderBy(asc(investorAccounts.poolId), asc(investorAccounts.investorId))
      .for('update');
  let rows = await select();
  if (create && rows.length < unique.length) {
    const known = new Set(rows.map((r) => accountKey(r.poolId, r.investorId)));
    await insertRows(
      tx,
      'investor_accounts',
      ['pool_id', 'investor_id', 'currency'],
      unique
        .filter((k) => !known.has(accountKey(k.poolId, k.investorId)))
        .map((k) => [k.poolId, k.investorId, k.currency]),
      // Created concurrently by another posting: keep it (and lock it, as the update does).
      'ON DUPLICATE KEY UPDATE pool_id = pool_id',
    );
    rows = await select();
  }
  return new Map(rows.map((r) => [accountKey(r.poolId, r.investorId), r]));
}

/** lockAllInvestorAccounts: every capital account of one pool (distributions and fees weigh them all). */
export async function lockAllInvestorAccounts(
  tx: LedgerTx,
  poolId: string,
): Promise<InvestorAccountRow[]> {
  return tx
    .select()
    .from(investorAccounts)
    .where(eq(investorAccounts.poolId, poolId))
    .orderBy(asc(investorAccounts.investorId))
    .for('update');
}

const BALANCE_UPDATE = (columns: string[]) =>
  `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`;

/** updatePoolAccounts: writes new balances and totals (and the manager) of locked pool rows. */
export async function updatePoolAccounts(tx: LedgerTx, rows: PoolAccountRow[]): Promise<void> {
  if (rows.length === 1) {
    const [row] = rows as [PoolAccountRow];
    const { poolId, currency: _c, createdAt: _t, ...changes } = row;
    await tx.update(poolAccounts).set(changes).where(eq(poolAccounts.poolId, poolId));
    return;
  }
  const columns = [
    'manager_id',
    'cash_balance',
    'total_contributed',
    'total_distributed',
    'total_fees',
    'total_withdrawn',
  ];
  await insertRows(
    tx,
    'pool_accounts',
    ['pool_id', 'currency', ...columns],
    rows.map((r) => [
      r.poolId,
      r.currency,
      r.managerId,
      r.cashBalance,
      r.totalContributed,
      r.totalDistributed,
      r.totalFees,
      r.totalWithdrawn,
    ]),
    BALANCE_UPDATE(columns),
  );
}

/** updateInvestorAccounts: writes new balances and totals of locked capital accounts. */
export async function updateInvestorAccounts(
  tx: LedgerTx,
  rows: InvestorAccountRow[],
): Promise<void> {
  if (rows.length === 1) {
    const [row] = rows as [InvestorAccountRow];
    const { poolId, investorId, currency: _c, createdAt: _t, ...balances } = row;
    await tx
      .update(investorAccounts)
      .set(balances)
      .where(and(eq(investorAccounts.poolId, poolId), eq(investorAccounts.investorId, investorId)));
    return;
  }
  const columns = ['capital_balance', 'contributed', 'distributed', 'fees', 'withdrawn'];
  await insertRows(
    tx,
    'investor_accounts',
    ['pool_id', 'investor_id', 'currency', ...columns],
    rows.map((r) => [
      r.poolId,
      r.investorId,
      r.currency,
      r.capitalBalance,
      r.contributed,
      r.distributed,
      r.fees,
      r.withdrawn,
    ]),
    BALANCE_UPDATE(columns),
  );
}
