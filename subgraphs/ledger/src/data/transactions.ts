import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { sqlFormat, tableRows } from '@poolgraph/platform';
import type { LedgerQueryable, LedgerTx } from '../db/index.ts';
import { transactions, type TransactionStatus, type TransactionType } from '../db/schema.ts';

export type TransactionRow = typeof transactions.$inferSelect;

/** Which page of a pool's transactions to read; investorId narrows it to one investor's. */
export interface PageKey {
  poolId: string;
  investorId: string | null;
  first: number;
  /** Exclusive: only transactions older (smaller id) than this one. */
  after: string | null;
}

export interface TransactionPage {
  rows: TransactionRow[];
  hasNextPage: boolean;
  /** Set by the resolver: the page started after a cursor. */
  hasPreviousPage?: boolean;
}

const transactionRows = tableRows(transactions);

/** selectTransactionsByIds: any number of transactions by id, one query. */
export async function selectTransactionsByIds(
  db: LedgerQueryable,
  ids: readonly string[],
): Promise<TransactionRow[]> {
  if (ids.length === 0) return [];
  return transactionRows.select(db, 'WHERE id IN (?)', [[...ids]]);
}

/** selectTransactionsByRequestIds: what each idempotent request posted, in posting order. */
export async function selectTransactionsByRequestIds(
  db: LedgerQueryable,
  requestIds: readonly string[],
): Promise<Map<string, TransactionRow[]>> {
  const byRequest = new Map<string, TransactionRow[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = await db
    .select()
    .from(transactions)
    .where(inArray(transactions.requestId, [...requestIds]))
    .orderBy(asc(transactions.id));
  for (const row of rows) {
    const list = byRequest.get(row.requestId) ?? [];
    list.push(row);
    byRequest.set(row.requestId, list);
  }
  return byRequest;
}

interface RawTransaction {
  page: number | string;
  id: string;
  pool_id: string;
  investor_id: string | null;
  type: TransactionType;
  amount: string | number;
  currency: string;
  status: TransactionRow['status'];
  reserved_amount: string | number | null;
  expires_at: Date | null;
  settled_at: Date | null;
  request_id: string;
  carry: number | boolean;
  note: string | null;
  tier_return_of_capital: string | number | null;
  tier_preferred_return: string | number | null;
  tier_profit_share: string | number | null;
  occurred_at: Date;
  created_at: Date;
}

const bigOrNull = (v: string | number | null) => (v === null ? null : BigInt(v));

const fromRaw = (r: RawTransaction): TransactionRow => ({
  id: r.id,
  poolId: r.pool_id,
  investorId: r.investor_id,
  type: r.type,
  amount: BigInt(r.amount),
  currency: r.currency,
  status: r.status,
  reservedAmount: bigOrNull(r.reserved_amount),
  expiresAt: r.expires_at && new Date(r.expires_at),
  settledAt: r.settled_at && new Date(r.settled_at),
  requestId: r.request_id,
  carry: Boolean(Number(r.carry)),
  note: r.note,
  tierReturnOfCapital: bigOrNull(r.tier_return_of_capital),
  tierPreferredReturn: bigOrNull(r.tier_preferred_return),
  tierProfitShare: bigOrNull(r.tier_profit_share),
  occurredAt: new Date(r.occurred_at),
  createdAt: new Date(r.created_at),
});

/**
 * selectTransactionPages: several pages (one per key) in one round trip, as a UNION ALL of
 * index range scans on (pool_id[, investor_id], id), each reading first + 1 rows newest first
 * (the extra row answers hasNextPage).
 */
export async function selectTransactionPages(
  db: LedgerQueryable,
  keys: readonly PageKey[],
): Promise<TransactionPage[]> {
  if (keys.length === 0) return [];
  const parts = keys.map(
    (k, n) => sql`(SELECT ${n} AS page, id, pool_id, investor_id, type, amount, currency, status,
      reserved_amount, expires_at, settled_at, request_id, carry, note, tier_return_of_capital,
      tier_preferred_return, tier_profit_share, occurred_at, created_at FROM transactions
      WHERE pool_id = ${k.poolId}
      ${k.investorId ? sql`AND investor_id = ${k.investorId}` : sql``}
      ${k.after ? sql`AND id < ${k.after}` : sql``}
      ORDER BY id DESC LIMIT ${k.first + 1})`,
  );
  const [rows] = (await db.execute(sql.join(parts, sql` UNION ALL `))) as unknown as [
    RawTransaction[],
  ];
  const pages: TransactionRow[][] = keys.map(() => []);
  for (const raw of rows) pages[Number(raw.page)]?.push(fromRaw(raw));
  return pages.map((page, n) => {
    const sorted = page.sort((a, b) => (a.id < b.id ? 1 : -1));
    const first = keys[n]!.first;
    return { rows: sorted.slice(0, first), hasNextPage: sorted.length > first };
  });
}

/** lockTransaction: one transaction, locked FOR UPDATE (a pending one is settled under it). */
export async function lockTransaction(tx: LedgerTx, id: string): Promise<TransactionRow | null> {
  const [row] = await transactionRows.select(tx, 'WHERE id = ? FOR UPDATE', [id]);
  return row ?? null;
}

/**
 * updateSettledTransactions: a pending transaction's one change, to POSTED (its settled amount
 * and time) or VOIDED. Conditional on it still being PENDING: the caller holds its row lock, so
 * a miss means a bug, and throws rather than settling twice.
 */
export async function updateSettledTransactions(
  tx: LedgerTx,
  rows: readonly TransactionRow[],
): Promise<void> {
  for (const row of rows) {
    const [result] = (await tx.execute(
      sqlFormat(
        `UPDATE transactions SET status = ?, amount = ?, settled_at = ?, occurred_at = ?
          WHERE id = ? AND status = 'PENDING'`,
        [row.status, row.amount, row.settledAt, row.occurredAt, row.id],
      ),
    )) as unknown as [{ affectedRows: number }];
    if (result.affectedRows !== 1) throw new Error(`transaction ${row.id} was not PENDING`);
  }
}

/** selectExpiredPending: PENDING transactions past their expiry, oldest first (for the sweeper). */
export async function selectExpiredPending(
  db: LedgerQueryable,
  now: Date,
  limit: number,
): Promise<TransactionRow[]> {
  return db
    .select()
    .from(transactions)
    .where(and(eq(transactions.status, 'PENDING'), lt(transactions.expiresAt, now)))
    .orderBy(asc(transactions.expiresAt))
    .limit(limit);
}

/** Which transactions a history reads: every field narrows; poolIds null means any pool. */
export interface HistoryFilter {
  poolIds: readonly string[] | null;
  investorId: string | null;
  type: TransactionType | null;
  status: TransactionStatus | null;
  /** occurredAt inclusive from, exclusive to. */
  from: Date | null;
  to: Date | null;
  /** Exclusive: only transactions older (smaller id) than this one. */
  after: string | null;
}

/**
 * selectTransactionHistory: newest first, at most `limit` rows (callers ask one more to know
 * whether a page follows). One investor's rows read `transactions_investor`, a manager's pools
 * `transactions_pool`.
 */
export async function selectTransactionHistory(
  db: LedgerQueryable,
  f: HistoryFilter,
  limit: number,
): Promise<TransactionRow[]> {
  if (f.poolIds !== null && f.poolIds.length === 0) return [];
  const conditions: Array<SQL | undefined> = [
    f.poolIds === null ? undefined : inArray(transactions.poolId, [...f.poolIds]),
    f.investorId === null ? undefined : eq(transactions.investorId, f.investorId),
    f.type === null ? undefined : eq(transactions.type, f.type),
    f.status === null ? undefined : eq(transactions.status, f.status),
    f.from === null ? undefined : gte(transactions.occurredAt, f.from),
    f.to === null ? undefined : lt(transactions.occurredAt, f.to),
    f.after === null ? undefined : lt(transactions.id, f.after),
  ];
  return db
    .select()
    .from(transactions)
    .where(and(...conditions))
    .orderBy(desc(transactions.id))
    .limit(limit);
}

/** One member movement the waterfall weighs (its preferred return and what was paid back). */
export interface WaterfallHistoryRow {
  investorId: string;
  type: 'CONTRIBUTION' | 'WITHDRAWAL' | 'DISTRIBUTION';
  amount: bigint;
  carry: boolean;
  occurredAt: Date;
}

/**
 * selectWaterfallHistory: a pool's member movements in time order: posted contributions and
 * withdrawals, and distributions posted or pending (a pending payout is promised money: the next
 * distribution must not pay it again), carry included (flagged). Read once per distribution of a
 * pool with carry, through the (pool_id, id) index.
 */
export async function selectWaterfallHistory(
  db: LedgerQueryable,
  poolId: string,
): Promise<WaterfallHistoryRow[]> {
  const [rows] = (await db.execute(sql`SELECT investor_id, type, amount, carry, occurred_at
    FROM transactions
    WHERE pool_id = ${poolId} AND investor_id IS NOT NULL
      AND (status = 'POSTED' AND type IN ('CONTRIBUTION', 'WITHDRAWAL', 'DISTRIBUTION')
        OR status = 'PENDING' AND type = 'DISTRIBUTION')
    ORDER BY occurred_at, id`)) as unknown as [
    Array<{
      investor_id: string;
      type: WaterfallHistoryRow['type'];
      amount: string | number;
      carry: number | boolean;
      occurred_at: Date;
    }>,
  ];
  return rows.map((r) => ({
    investorId: r.investor_id,
    type: r.type,
    amount: BigInt(r.amount),
    carry: Boolean(Number(r.carry)),
    occurredAt: new Date(r.occurred_at),
  }));
}
