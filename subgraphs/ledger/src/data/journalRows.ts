import { insertRows } from '@poolgraph/platform';
import { insertOutboxEvents, type OutboxInsert } from '@poolgraph/events';
import type { LedgerTx } from '../db/index.ts';
import type { TransactionRow } from './transactions.ts';

/** One side of a double entry as stored: signed minor units, debit positive. */
export interface EntryRow {
  transactionId: string;
  poolId: string;
  investorId: string | null;
  amount: bigint;
  currency: string;
}

/**
 * insertJournal: a posting's transactions, entries and outbox events, one multi-row
 * statement per table (per 1000 rows), inside the posting's MySQL transaction.
 */
export async function insertJournal(
  tx: LedgerTx,
  journal: { transactions: TransactionRow[]; entries: EntryRow[]; events: OutboxInsert[] },
): Promise<void> {
  await insertRows(
    tx,
    'transactions',
    [
      'id',
      'pool_id',
      'investor_id',
      'type',
      'amount',
      'currency',
      'status',
      'reserved_amount',
      'expires_at',
      'request_id',
      'carry',
      'note',
      'tier_return_of_capital',
      'tier_preferred_return',
      'tier_profit_share',
      'occurred_at',
      'created_at',
    ],
    journal.transactions.map((t) => [
      t.id,
      t.poolId,
      t.investorId,
      t.type,
      t.amount,
      t.currency,
      t.status,
      t.reservedAmount,
      t.expiresAt,
      t.requestId,
      t.carry,
      t.note,
      t.tierReturnOfCapital,
      t.tierPreferredReturn,
      t.tierProfitShare,
      t.occurredAt,
      t.createdAt,
    ]),
  );
  await insertRows(
    tx,
    'entries',
    ['transaction_id', 'pool_id', 'investor_id', 'amount', 'currency'],
    journal.entries.map((e) => [e.transactionId, e.poolId, e.investorId, e.amount, e.currency]),
  );
  await insertOutboxEvents(tx, journal.events);
}
