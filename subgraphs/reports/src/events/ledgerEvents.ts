import type { LedgerEvent, LedgerEventHandler } from '@poolgraph/events';
import type { ReportsTx } from '../db/index.ts';
import {
  APPLIED_TABLE,
  foldLedgerTransactions,
  type LedgerTransaction,
} from '../services/readModel.ts';

export const LEDGER_GROUP = 'reports';

/** A TransactionPosted event as the read model's input. */
export function transactionOf(event: LedgerEvent): LedgerTransaction {
  const p = event.payload;
  return {
    transactionId: p.transactionId,
    poolId: p.poolId,
    investorId: p.investorId,
    type: p.type,
    amountMinor: BigInt(p.amountMinor),
    currency: p.currency,
    occurredAt: new Date(event.occurredAt),
    allocations: (p.allocations ?? []).map((a) => ({
      investorId: a.investorId,
      amountMinor: BigInt(a.amountMinor),
    })),
    tiers: p.tiers
      ? {
          returnOfCapital: BigInt(p.tiers.returnOfCapitalMinor),
          preferredReturn: BigInt(p.tiers.preferredReturnMinor),
          profitShare: BigInt(p.tiers.profitShareMinor),
        }
      : null,
  };
}

/**
 * Reports' part of `ledger.events` (group "reports"): each read folded into the read models in
 * one transaction. De-duplicated by transaction id, not event id: the rebuild from the ledger's
 * history (which has no event ids) records the same keys in the same table.
 */
export const readModelHandler = (): LedgerEventHandler<ReportsTx> => ({
  group: LEDGER_GROUP,
  table: APPLIED_TABLE,
  keyOf: (event) => event.payload.transactionId,
  // A read costs a handful of multi-row upserts whatever its size: take many at once.
  batchSize: 500,
  // Read models trail the ledger anyway: on a busy stream, wait up to 250 ms for a fuller read.
  lingerMs: 250,
  apply: (tx, events) => foldLedgerTransactions(tx, events.map(transactionOf)),
});
