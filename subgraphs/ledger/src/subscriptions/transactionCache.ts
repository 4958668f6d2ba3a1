import DataLoader from 'dataloader';
import type { TransactionStepEvent } from '@poolgraph/events';
import type { LedgerDb } from '../db/index.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';

/** What a BalanceChange resolves from: the event and the transaction it announces. */
export interface BalanceChangeValue {
  event: TransactionStepEvent;
  /** The transaction as this step left it (status and amount from the event). */
  transaction: TransactionRow;
}

/**
 * A transaction as one step of it left it: a two-phase transaction's row changes once (PENDING
 * to POSTED or VOIDED), and a subscriber told of its PENDING step after it settled must still
 * hear "PENDING", so status and amount come from the event.
 */
export function asOfStep(event: TransactionStepEvent, row: TransactionRow): TransactionRow {
  const status =
    event.payload.status ??
    (event.type === 'TransactionPending'
      ? 'PENDING'
      : event.type === 'TransactionVoided'
        ? 'VOIDED'
        : 'POSTED');
  return { ...row, status, amount: BigInt(event.payload.amountMinor) };
}

/**
 * One process-wide lookup serves every subscriber of an event (what a step changes, status and
 * amount, comes from the event: asOfStep): a thousand subscribers to one pool cost one query per event, not a thousand. Entries
 * live a few seconds, long enough for one event's fan-out.
 */
export function createPostedTransactions(db: LedgerDb) {
  const loader = new DataLoader<string, TransactionRow | null>(async (ids) => {
    const byId = new Map((await selectTransactionsByIds(db, ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    async load(id: string): Promise<TransactionRow | null> {
      const row = await loader.load(id);
      setTimeout(() => loader.clear(id), 5_000).unref();
      return row;
    },
  };
}

export type PostedTransactions = ReturnType<typeof createPostedTransactions>;
