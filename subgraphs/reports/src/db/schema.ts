import { bigint, char, datetime, index, mysqlTable } from 'drizzle-orm/mysql-core';

/**
 * Read model: one row per posted CONTRIBUTION transaction, maintained from the ledger's
 * domain events (never by reading the ledger's tables). The transaction id is the primary
 * key, so replaying an event changes nothing.
 */
export const contributions = mysqlTable(
  'contributions',
  {
    transactionId: char('transaction_id', { length: 36 }).primaryKey(),
    investorId: char('investor_id', { length: 36 }).notNull(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    occurredAt: datetime('occurred_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [
    // Covers topInvestors: the currency and time range select a slice, and the grouping and
    // sums read only the index, never the table rows.
    index('contributions_ranking').on(
      t.currency,
      t.occurredAt,
      t.investorId,
      t.poolId,
      t.amountMinor,
    ),
  ],
);
