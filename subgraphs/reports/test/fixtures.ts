import { connectMysql, uuidv7 } from '@poolgraph/platform';
import type { Stack } from '@poolgraph/test-stack';
import type { ContributionRow } from '../src/data/contributions.ts';
import { schema } from '../src/db/index.ts';
import { applyLedgerTransactions, type LedgerTransaction } from '../src/services/readModel.ts';

export const TOP_INVESTORS = `query Top($limit: Int, $currency: String, $from: DateTime, $to: DateTime) {
  topInvestors(limit: $limit, currency: $currency, from: $from, to: $to) {
    investor { id } uniquePools totalInvested { amount currency }
  }
}`;

export interface Ranking {
  investor: { id: string };
  uniquePools: number;
  totalInvested: { amount: string; currency: string };
}

/** [investor id, unique pools, total amount]: what a reader of the ranking checks. */
export const brief = (rankings: Ranking[]) =>
  rankings.map((r) => [r.investor.id, r.uniquePools, r.totalInvested.amount]);

/** One posted contribution, in USD at noon on 10 January 2026 unless told otherwise. */
export function contribution(
  investorId: string,
  poolId: string,
  amountMinor: bigint,
  extra: Partial<ContributionRow> = {},
): ContributionRow {
  return {
    transactionId: uuidv7(),
    investorId,
    poolId,
    currency: 'USD',
    amountMinor,
    occurredAt: new Date('2026-01-10T12:00:00Z'),
    ...extra,
  };
}

/**
 * A partner: an API key with `reports:read`. It calls through the gateway by id only, so the
 * stack's gateway must load the operations it sends (`persistedQueriesDir` of @poolgraph/testing).
 */
export const signUpPartner = (stack: Stack) => stack.partner(['reports:read']);

/** A contribution row as the read model's input. */
export const asTransaction = (row: ContributionRow): LedgerTransaction => ({
  ...row,
  type: 'CONTRIBUTION',
  tiers: null,
  allocations: [],
});

/** Folds transactions into the stack's reports read models, as the consumer does. */
export async function applyToReports(
  stack: Stack,
  rows: ReadonlyArray<ContributionRow | LedgerTransaction>,
  batch = 500,
): Promise<void> {
  const mysql = connectMysql({ url: stack.databases.reports!.url }, schema);
  try {
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch).map((r) => ('type' in r ? r : asTransaction(r)));
      await mysql.db.transaction((tx) => applyLedgerTransactions(tx, slice));
    }
  } finally {
    await mysql.close();
  }
}
