import { and, asc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { entries, transactions, type TransactionType } from '../db/schema.ts';

/** One posted transaction as the history export gives it (what its event carried). */
export interface HistoryRow {
  /** The cash leg's entry id: posting order, and the page cursor. */
  sequence: bigint;
  transactionId: string;
  poolId: string;
  investorId: string | null;
  type: TransactionType;
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
  /**
   * FEE and PROCEEDS: each member's share (their capital legs, positive); a carry DISTRIBUTION:
   * the carry each member bore (its legs on accounts other than the manager's); empty otherwise.
   */
  allocations: Array<{ investorId: string; amountMinor: bigint }>;
  /** A member's waterfall DISTRIBUTION: its tiers as recorded; null otherwise. */
  tiers: { returnOfCapital: bigint; preferredReturn: bigint; profitShare: bigint } | null;
}

/**
 * selectHistoryPage: posted transactions in posting order after `after` (a cash-leg entry id).
 * Every transaction has exactly one cash leg (investor_id NULL), written with the rest of
 * its entries, so the entries' auto-increment id orders transactions as they were posted.
 * Reads the entries primary key from `after` on, then FEE, PROCEEDS and carry shares by entries_transaction.
 */
export async function selectHistoryPage(
  db: LedgerQueryable,
  after: bigint,
  first: number,
): Promise<HistoryRow[]> {
  const rows = await db
    .select({
      sequence: entries.id,
      transactionId: transactions.id,
      poolId: transactions.poolId,
      investorId: transactions.investorId,
      type: transactions.type,
      amountMinor: transactions.amount,
      currency: transactions.currency,
      occurredAt: transactions.occurredAt,
      carry: transactions.carry,
      returnOfCapital: transactions.tierReturnOfCapital,
      preferredReturn: transactions.tierPreferredReturn,
      profitShare: transactions.tierProfitShare,
    })
    .from(entries)
    .innerJoin(transactions, eq(transactions.id, entries.transactionId))
    .where(
      and(gt(entries.id, after), isNull(entries.investorId), eq(transactions.status, 'POSTED')),
    )
    .orderBy(asc(entries.id))
    .limit(first);
  const fees = rows
    .filter((r) => r.type === 'FEE' || r.type === 'PROCEEDS' || r.carry)
    .map((r) => r.transactionId);
  const recipient = new Map(rows.map((r) => [r.transactionId, r.investorId]));
  const shares = new Map<string, HistoryRow['allocations']>();
  if (fees.length > 0) {
    const legs = await db
      .select({
        transactionId: entries.transactionId,
        investorId: entries.investorId,
        amount: entries.amount,
      })
      .from(entries)
      .where(and(inArray(entries.transactionId, fees), isNotNull(entries.investorId)))
      .orderBy(asc(entries.id));
    for (const leg of legs) {
      // A carry written before members bore it debited the manager: no allocation.
      if (leg.investorId === recipient.get(leg.transactionId)) continue;
      const list = shares.get(leg.transactionId) ?? [];
      // A member's capital leg of a fee is a debit (positive), of proceeds a credit (negative):
      // either way its size is their share.
      const share = leg.amount < 0n ? -leg.amount : leg.amount;
      list.push({ investorId: leg.investorId!, amountMinor: share });
      shares.set(leg.transactionId, list);
    }
  }
  return rows.map(({ carry: _carry, returnOfCapital, preferredReturn, profitShare, ...r }) => ({
    ...r,
    allocations: shares.get(r.transactionId) ?? [],
    tiers:
      returnOfCapital === null || preferredReturn === null || profitShare === null
        ? null
        : { returnOfCapital, preferredReturn, profitShare },
  }));
}
