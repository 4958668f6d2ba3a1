import type {
  OutboxInsert,
  TransactionPostedPayload,
  TransactionStepEvent,
} from '@poolgraph/events';
import { monotonicUuidv7 } from '@poolgraph/platform';
import type { LedgerTx } from '../db/index.ts';
import { insertJournal, type EntryRow } from '../data/journalRows.ts';
import { updateSettledTransactions, type TransactionRow } from '../data/transactions.ts';
import { applyToBooks, type PlannedTransaction, type PoolBooks } from './poolBooks.ts';
import { postReservation, releasePending, reservePending } from './reservations.ts';

/** A waterfall distribution's tiers as its event carries them (minor units as strings). */
export function tiersOf(row: TransactionRow): TransactionPostedPayload['tiers'] {
  const { tierReturnOfCapital: roc, tierPreferredReturn: pref, tierProfitShare: profit } = row;
  if (roc === null || pref === null || profit === null) return undefined;
  return {
    returnOfCapitalMinor: roc.toString(),
    preferredReturnMinor: pref.toString(),
    profitShareMinor: profit.toString(),
  };
}

/** How a pending transaction ends: posted for an amount (at most the reserved one), or voided. */
export type SettlementOutcome = { status: 'POSTED'; amount: bigint } | { status: 'VOIDED' };

/** What the pipeline knows of a transaction beside its plan (journaled on its row and event). */
interface RecordMeta {
  requestId: string;
  occurredAt: Date;
  createdAt: Date;
  note?: string | null;
  feePeriod?: { start: Date; end: Date | null };
  imported?: true;
}

/**
 * The rows a posting writes, collected in memory so that every table gets one multi-row
 * INSERT per posting (or per chunk of the bulk path), however many transactions it holds.
 */
export class Journal {
  readonly transactions: TransactionRow[] = [];
  /** Pending transactions that became POSTED or VOIDED (updated, not inserted). */
  readonly settled: TransactionRow[] = [];
  readonly entries: EntryRow[] = [];
  readonly events: OutboxInsert[] = [];

  /**
   * Applies a planned transaction to the locked books and journals it with its entries and
   * its TransactionPosted event (carrying the pool's cash right after it). A PENDING one only
   * reserves (no entries) and announces TransactionPending.
   */
  record(books: PoolBooks, planned: PlannedTransaction, meta: RecordMeta): TransactionRow {
    const pending = planned.phase === 'PENDING';
    if (pending) reservePending(books, planned);
    else applyToBooks(books, planned);
    const { poolId, currency } = books.pool;
    const row: TransactionRow = {
      id: monotonicUuidv7(),
      poolId,
      investorId: planned.investorId,
      type: planned.type,
      amount: planned.amount,
      currency,
      status: pending ? 'PENDING' : 'POSTED',
      reservedAmount: pending ? planned.amount : null,
      expiresAt: pending ? (planned.expiresAt ?? null) : null,
      settledAt: null,
      requestId: meta.requestId,
      carry: planned.carry ?? false,
      note: meta.note ?? null,
      tierReturnOfCapital: planned.tiers?.returnOfCapital ?? null,
      tierPreferredReturn: planned.tiers?.preferredReturn ?? null,
      tierProfitShare: planned.tiers?.profitShare ?? null,
      occurredAt: meta.occurredAt,
      createdAt: meta.createdAt,
    };
    this.transactions.push(row);
    if (!pending) this.journalEntries(row, planned);
    this.announce(books, row, planned, meta);
    return row;
  }

  /**
   * Ends a PENDING transaction (its row locked by the caller): POSTED releases the reservation
   * and journals entries for the settled amount; VOIDED only releases. Returns the new row.
   */
  settle(books: PoolBooks, pending: TransactionRow, outcome: SettlementOutcome): TransactionRow {
    const reservation = {
      type: pending.type,
      investorId: pending.investorId,
      amount: pending.reservedAmount ?? pending.amount,
      carry: pending.carry,
    };
    const settledAt = new Date();
    if (outcome.status === 'VOIDED') {
      releasePending(books, reservation);
      const row: TransactionRow = { ...pending, status: 'VOIDED', settledAt };
      this.settled.push(row);
      this.announce(books, row, null);
      return row;
    }
    const planned = postReservation(books, reservation, outcome.amount);
    // The money moved when it arrived: reports and statements date it then.
    const row: TransactionRow = {
      ...pending,
      status: 'POSTED',
      amount: outcome.amount,
      settledAt,
      occurredAt: settledAt,
    };
    this.settled.push(row);
    this.journalEntries(row, planned);
    this.announce(books, row, planned);
    return row;
  }

  private journalEntries(row: TransactionRow, planned: PlannedTransaction): void {
    for (const leg of planned.legs) {
      this.entries.push({
        transactionId: row.id,
        poolId: row.poolId,
        investorId: leg.investorId,
        amount: leg.amount,
        currency: row.currency,
      });
    }
  }

  /**
   * One event per step: TransactionPending, TransactionPosted (the only one that counts as money
   * for alerts, reports and capital calls) or TransactionVoided, with the pool's cash and
   * pending figures right after it.
   */
  private announce(
    books: PoolBooks,
    row: TransactionRow,
    planned: PlannedTransaction | null,
    { feePeriod, imported }: Pick<RecordMeta, 'feePeriod' | 'imported'> = {},
  ) {
    const payload: TransactionPostedPayload = {
      transactionId: row.id,
      poolId: row.poolId,
      investorId: row.investorId,
      type: row.type,
      amountMinor: row.amount.toString(),
      currency: row.currency,
      cashBalanceMinor: books.pool.cashBalance.toString(),
      status: row.status,
      pendingInMinor: books.pool.pendingIn.toString(),
      pendingOutMinor: books.pool.pendingOut.toString(),
    };
    if (row.reservedAmount !== null) payload.reservedAmountMinor = row.reservedAmount.toString();
    // From the row, not the plan: a pending payout's tiers travel with it until it posts.
    const tiers = tiersOf(row);
    if (tiers) payload.tiers = tiers;
    // A carry DISTRIBUTION's allocations are the carry each member bore (debited to them).
    if (planned?.type === 'FEE' || planned?.type === 'PROCEEDS' || planned?.carry) {
      payload.allocations = planned.legs.flatMap((leg) =>
        leg.investorId === null
          ? []
          : [
              {
                investorId: leg.investorId,
                amountMinor: (leg.amount < 0n ? -leg.amount : leg.amount).toString(),
              },
            ],
      );
    }
    if (imported) payload.imported = true;
    if (feePeriod && row.type === 'FEE') {
      payload.feePeriod = {
        start: feePeriod.start.toISOString(),
        end: feePeriod.end?.toISOString() ?? null,
      };
    }
    const type: TransactionStepEvent['type'] =
      row.status === 'PENDING'
        ? 'TransactionPending'
        : row.status === 'VOIDED'
          ? 'TransactionVoided'
          : 'TransactionPosted';
    this.events.push({
      id: monotonicUuidv7(),
      type,
      aggregateId: row.poolId,
      payload,
      occurredAt: row.status === 'VOIDED' ? (row.settledAt ?? row.occurredAt) : row.occurredAt,
    });
  }

  /** Inserts everything journaled (one multi-row statement per table), then settled rows. */
  async write(tx: LedgerTx): Promise<void> {
    await insertJournal(tx, this);
    await updateSettledTransactions(tx, this.settled);
  }
}
