import DataLoader from 'dataloader';
import type { TransactionPostedEvent } from '@poolgraph/events';
import type { LedgerDb } from '../db/index.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';

/** What a BalanceChange resolves from: the event and the transaction it announces. */
export interface BalanceChangeValue {
  event: TransactionPostedEvent;
  transaction: TransactionRow;
}

/**
 * Posted transactions never change, so one process-wide lookup serves every subscriber of an
 * event: a thousand subscribers to one pool cost one query per event, not a thousand. Entries
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
