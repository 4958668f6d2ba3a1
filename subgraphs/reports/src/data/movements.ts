import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { insertRows, selectRows, toBigInt } from './rows.ts';

/** A ledger transaction's type. */
export type LedgerTransactionType =
  'CONTRIBUTION' | 'DISTRIBUTION' | 'FEE' | 'WITHDRAWAL' | 'PROCEEDS';
/** What a capital account saw: a transaction's type, or CARRY (its part of a carry it bore). */
export type MovementType = LedgerTransactionType | 'CARRY';

/** What a waterfall DISTRIBUTION paid one member, by tier (summing to its amount). */
export interface DistributionTiers {
  returnOfCapital: bigint;
  preferredReturn: bigint;
  profitShare: bigint;
}

/** What one investor's capital account saw of one transaction. */
export interface MovementRow {
  transactionId: string;
  investorId: string;
  poolId: string;
  type: MovementType;
  currency: string;
  amountMinor: bigint;
  /** A DISTRIBUTION paid through the waterfall: its tiers; null otherwise. */
  tiers: DistributionTiers | null;
  occurredAt: Date;
}

/** insertMovements: new rows only (the caller applies each transaction once). */
export async function insertMovements(tx: ReportsQueryable, rows: readonly MovementRow[]) {
  await insertRows(
    tx,
    'movements',
    [
      'transaction_id',
      'investor_id',
      'pool_id',
      'type',
      'currency',
      'amount_minor',
      'return_of_capital',
      'preferred_return',
      'profit_share',
      'occurred_at',
    ],
    rows.map((r) => [
      r.transactionId,
      r.investorId,
      r.poolId,
      r.type,
      r.currency,
      r.amountMinor,
      r.tiers?.returnOfCapital ?? null,
      r.tiers?.preferredReturn ?? null,
      r.tiers?.profitShare ?? null,
      r.occurredAt,
    ]),
  );
}

export interface MovementSums {
  poolId: string;
  currency: string;
  /** Before `from`: counts toward the opening balance. */
  before: boolean;
  type: MovementType;
  total: bigint;
  /** Of a DISTRIBUTION total, what was paid by tier (zero where no tiers were recorded). */
  tiers: DistributionTiers;
}

/**
 * selectMovementSums: one investor's movements before `to` (exclusive), summed per pool and
 * type, split at `from` (inclusive) into "before" (the opening balance) and "in the window".
 * Reads the investor's rows through movements_investor: O(the investor's movements).
 */
export async function selectMovementSums(
  db: ReportsQueryable,
  investorId: string,
  from: Date | undefined,
  to: Date | undefined,
): Promise<MovementSums[]> {
  const before = from ? sql`occurred_at < ${from}` : sql`FALSE`;
  const until = to ? sql`AND occurred_at < ${to}` : sql``;
  const rows = await selectRows<{
    pool_id: string;
    currency: string;
    before_from: number | string;
    type: MovementType;
    total: string;
    roc: string | null;
    pref: string | null;
    profit: string | null;
  }>(
    db,
    sql`SELECT pool_id, currency, (${before}) AS before_from, type, SUM(amount_minor) AS total,
          SUM(return_of_capital) AS roc, SUM(preferred_return) AS pref, SUM(profit_share) AS profit
        FROM movements WHERE investor_id = ${investorId} ${until}
        GROUP BY pool_id, currency, before_from, type`,
  );
  return rows.map((r) => ({
    poolId: r.pool_id,
    currency: r.currency,
    before: Number(r.before_from) === 1,
    type: r.type,
    total: toBigInt(r.total),
    tiers: {
      returnOfCapital: toBigInt(r.roc),
      preferredReturn: toBigInt(r.pref),
      profitShare: toBigInt(r.profit),
    },
  }));
}

/** One investor's movements of one type in a pool on one UTC day, summed. */
export interface DailyMovementRow {
  investorId: string;
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  type: MovementType;
  total: bigint;
}

/**
 * selectPoolDailyMovements: a pool's movements (before `before`, exclusive, when given) summed
 * per investor, UTC day and type (the dated cash flows of IRR and the flows after a valuation).
 * Reads movements_pool: O(the pool's movements).
 */
export async function selectPoolDailyMovements(
  db: ReportsQueryable,
  poolId: string,
  before?: Date,
): Promise<DailyMovementRow[]> {
  const rows = await selectRows<{
    investor_id: string;
    day: string;
    type: MovementType;
    total: string;
  }>(
    db,
    sql`SELECT investor_id, DATE_FORMAT(occurred_at, '%Y-%m-%d') AS day, type, SUM(amount_minor) AS total
        FROM movements WHERE pool_id = ${poolId} ${before ? sql`AND occurred_at < ${before}` : sql``}
        GROUP BY investor_id, day, type ORDER BY investor_id, day`,
  );
  return rows.map((r) => ({
    investorId: r.investor_id,
    day: r.day,
    type: r.type,
    total: toBigInt(r.total),
  }));
}

/** selectFirstMovementDay: the UTC day of the pool's first posted movement, if any. */
export async function selectFirstMovementDay(
  db: ReportsQueryable,
  poolId: string,
): Promise<string | null> {
  const [row] = await selectRows<{ day: string | null }>(
    db,
    sql`SELECT DATE_FORMAT(MIN(occurred_at), '%Y-%m-%d') AS day FROM movements WHERE pool_id = ${poolId}`,
  );
  return row?.day ?? null;
}
