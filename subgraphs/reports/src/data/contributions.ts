import type { ReportsQueryable } from '../db/index.ts';
import { insertRows } from './rows.ts';

/** A posted CONTRIBUTION as the read model keeps it. */
export interface ContributionRow {
  transactionId: string;
  investorId: string;
  poolId: string;
  currency: string;
  amountMinor: bigint;
  occurredAt: Date;
}

/**
 * insertContributions: adds contributions to the flat table, idempotently by transaction id
 * (a no-op update rather than INSERT IGNORE, which would also swallow real errors). The
 * aggregates are maintained by applyLedgerTransactions, which calls this.
 */
export async function insertContributions(
  tx: ReportsQueryable,
  rows: readonly ContributionRow[],
): Promise<void> {
  await insertRows(
    tx,
    'contributions',
    ['transaction_id', 'investor_id', 'pool_id', 'currency', 'amount_minor', 'occurred_at'],
    rows.map((r) => [
      r.transactionId,
      r.investorId,
      r.poolId,
      r.currency,
      r.amountMinor,
      r.occurredAt,
    ]),
    'ON DUPLICATE KEY UPDATE transaction_id = transaction_id',
  );
}
