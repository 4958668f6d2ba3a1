import { insertRows, onDuplicateKeyUpdate, tableRows } from '@poolgraph/platform';
import { inArray } from 'drizzle-orm';
import type { LedgerQueryable, LedgerTx } from '../db/index.ts';
import { poolAccounts } from '../db/schema.ts';

export type PoolAccountRow = typeof poolAccounts.$inferSelect;

/** A Pool reference as federation hands it over: its key, plus `currency` where @requires asks. */
export interface PoolRef {
  id: string;
  currency?: string | null;
}

/** What the ledger knows of a pool when it first posts to it (from the pools subgraph). */
export interface PoolIdentity {
  poolId: string;
  currency: string;
  managerId: string;
}

const poolAccountRows = tableRows(poolAccounts);

/**
 * lockPoolAccounts: the pools' cash accounts, locked FOR UPDATE in pool id order (the one order
 * every posting path uses, so postings never deadlock each other). Missing rows are created
 * first; creating takes the row lock too (ON DUPLICATE KEY UPDATE locks an existing row).
 */
export async function lockPoolAccounts(
  tx: LedgerTx,
  pools: readonly PoolIdentity[],
): Promise<Map<string, PoolAccountRow>> {
  const unique = [...new Map(pools.map((p) => [p.poolId, p])).values()].sort((a, b) =>
    a.poolId < b.poolId ? -1 : 1,
  );
  const select = (ids: string[]) =>
    poolAccountRows.select(tx, 'WHERE pool_id IN (?) ORDER BY pool_id FOR UPDATE', [ids]);
  const rows = await select(unique.map((p) => p.poolId));
  if (rows.length < unique.length) {
    const known = new Set(rows.map((r) => r.poolId));
    const missing = unique.filter((p) => !known.has(p.poolId));
    await insertRows(
      tx,
      'pool_accounts',
      ['pool_id', 'currency', 'manager_id'],
      missing.map((p) => [p.poolId, p.currency, p.managerId]),
      'ON DUPLICATE KEY UPDATE pool_id = pool_id',
    );
    rows.push(...(await select(missing.map((p) => p.poolId))));
  }
  return new Map(rows.map((r) => [r.poolId, r]));
}

/** updatePoolAccounts: writes new balances and totals (and the manager) of locked pool rows. */
export async function updatePoolAccounts(tx: LedgerTx, rows: PoolAccountRow[]): Promise<void> {
  const columns = [
    'manager_id',
    'cash_balance',
    'total_contributed',
    'total_distributed',
    'total_fees',
    'total_withdrawn',
    'total_proceeds',
    'pending_in',
    'pending_out',
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
      r.totalProceeds,
      r.pendingIn,
      r.pendingOut,
    ]),
    onDuplicateKeyUpdate(columns),
  );
}

/** selectPoolAccountsByIds: the cash accounts and totals of any number of pools, in one query. */
export async function selectPoolAccountsByIds(
  db: LedgerQueryable,
  poolIds: readonly string[],
): Promise<PoolAccountRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select()
    .from(poolAccounts)
    .where(inArray(poolAccounts.poolId, [...poolIds]));
}
