import type { OutboxInsert, TransactionPostedEvent } from '@poolgraph/events';
import type { LedgerTx } from '../db/index.ts';
import { insertJournal, type EntryRow } from '../data/journal.ts';
import type { TransactionRow } from '../data/transactions.ts';
import { monotonicUuidv7 } from '../ids.ts';
import { applyToBooks, type PlannedTransaction, type PoolBooks } from './model.ts';

/**
 * The rows a posting writes, collected in memory so that every table gets one multi-row
 * INSERT per posting (or per chunk of the bulk path), however many transactions it holds.
 */
export class Journal {
  readonly transactions: TransactionRow[] = [];
  readonly entries: EntryRow[] = [];
  readonly events: OutboxInsert[] = [];

  /**
   * Applies a planned transaction to the locked books and journals it with its entries and
   * its TransactionPosted event (carrying the pool's cash right after it).
   */
  record(
    books: PoolBooks,
    planned: PlannedTransaction,
    meta: { requestId: string; occurredAt: Date; createdAt: Date },
  ): TransactionRow {
    applyToBooks(books, planned);
    const { poolId, currency } = books.pool;
    const row: TransactionRow = {
      id: monotonicUuidv7(),
      poolId,
      investorId: planned.investorId,
      type: planned.type,
      amount: planned.amount,
      currency,
      status: 'POSTED',
      requestId: meta.requestId,
      occurredAt: meta.occurredAt,
      createdAt: meta.createdAt,
    };
    this.transactions.push(row);
    for (const leg of planned.legs) {
      this.entries.push({
        transactionId: row.id,
        poolId,
        investorId: leg.investorId,
        amount: leg.amount,
        currency,
      });
    }
    const event: TransactionPostedEvent['payload'] = {
      transactionId: row.id,
      poolId,
      investorId: row.investorId,
      type: row.type,
      amountMinor: row.amount.toString(),
      currency,
      cashBalanceMinor: books.pool.cashBalance.toString(),
    };
    if (planned.type === 'FEE') {
      event.allocations = planned.legs.flatMap((leg) =>
        leg.investorId === null
          ? []
          : [{ investorId: leg.investorId, amountMinor: leg.amount.toString() }],
      );
    }
    this.events.push({
      id: monotonicUuidv7(),
      type: 'TransactionPosted',
      aggregateId: poolId,
      payload: event,
      occurredAt: row.occurredAt,
    });
    return row;
  }

  /** Inserts everything journaled (one multi-row statement per table). */
  async write(tx: LedgerTx): Promise<void> {
    await insertJournal(tx, this);
  }
}
