import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  customType,
  date,
  datetime,
  decimal,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  tinyint,
  varchar,
} from 'drizzle-orm/mysql-core';
import { processedEventsTable } from '@poolgraph/events';
import { auditLogTable } from '@poolgraph/platform';

/**
 * Every table here is a read model of another service's events; nothing is the source of
 * truth. Ledger-derived tables can be rebuilt from the ledger's history (`reports:rebuild`);
 * `pool_facts` follows the pools stream.
 *
 * Ids are ASCII with binary collation (the server default utf8mb4_unicode_ci would compare
 * them case-insensitively, and keys would be four times as wide).
 */
const uuid = customType<{ data: string }>({
  dataType: () => 'char(36) CHARACTER SET ascii COLLATE ascii_bin',
});
/** One amount in minor units (the platform maximum fits a BIGINT). */
const minor = (name: string) => bigint(name, { mode: 'bigint' }).notNull();
/** A sum of amounts: can outgrow BIGINT, so DECIMAL(38,0), read back as a bigint. */
const total = (name: string) =>
  decimal(name, { precision: 38, scale: 0, mode: 'bigint' })
    .notNull()
    .default(sql`0`);
const currency = (name = 'currency') => char(name, { length: 3 }).notNull();
const instant = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

export const MOVEMENT_TYPES = [
  'CONTRIBUTION',
  'DISTRIBUTION',
  'FEE',
  'WITHDRAWAL',
  'PROCEEDS',
  // A member's part of a carry paid to the pool's manager (the ledger debits it to their capital).
  'CARRY',
] as const;

/**
 * One row per posted CONTRIBUTION (transaction id = key). Serves the partial months at the
 * edges of a topInvestors range and the flat table an oracle would scan.
 */
export const contributions = mysqlTable(
  'contributions',
  {
    transactionId: uuid('transaction_id').primaryKey(),
    investorId: uuid('investor_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    currency: currency(),
    amountMinor: minor('amount_minor'),
    occurredAt: instant('occurred_at').notNull(),
  },
  (t) => [
    // Covers the edge scans: a currency and a time slice, read from the index alone.
    index('contributions_ranking').on(
      t.currency,
      t.occurredAt,
      t.investorId,
      t.poolId,
      t.amountMinor,
    ),
    index('contributions_pool').on(t.poolId, t.occurredAt),
  ],
);

/**
 * What each investor's capital account saw, one row per (transaction, investor): a FEE (and
 * PROCEEDS) has one row per member it was allocated to. Statements for a window read these.
 */
export const movements = mysqlTable(
  'movements',
  {
    transactionId: uuid('transaction_id').notNull(),
    investorId: uuid('investor_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    type: mysqlEnum('type', MOVEMENT_TYPES).notNull(),
    currency: currency(),
    amountMinor: minor('amount_minor'),
    /**
     * A DISTRIBUTION paid through the pool's waterfall: its tiers as the ledger recorded them
     * (summing to amount_minor). Null on every other movement, pro-rata distributions included.
     */
    returnOfCapital: bigint('return_of_capital', { mode: 'bigint' }),
    preferredReturn: bigint('preferred_return', { mode: 'bigint' }),
    profitShare: bigint('profit_share', { mode: 'bigint' }),
    occurredAt: instant('occurred_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.transactionId, t.investorId] }),
    index('movements_investor').on(t.investorId, t.occurredAt),
    // A pool's dated cash flows (IRR), per investor too.
    index('movements_pool').on(t.poolId, t.investorId, t.occurredAt),
  ],
);

/** Per investor and pool: running totals by type (the position, as the events told it). */
export const investorPoolTotals = mysqlTable(
  'investor_pool_totals',
  {
    investorId: uuid('investor_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    currency: currency(),
    contributed: total('contributed'),
    distributed: total('distributed'),
    fees: total('fees'),
    withdrawn: total('withdrawn'),
    /** Their share of the pool's proceeds (exits, dividends), credited to their capital. */
    proceeds: total('proceeds'),
    /** The carried interest they bore (their part of each carry paid to the manager). */
    carry: total('carry'),
    /** Of `distributed`, what waterfall distributions paid by tier (the rest had no tiers). */
    returnOfCapital: total('return_of_capital'),
    preferredReturn: total('preferred_return'),
    profitShare: total('profit_share'),
  },
  (t) => [
    primaryKey({ columns: [t.investorId, t.poolId] }),
    index('investor_pool_totals_pool').on(t.poolId, t.investorId),
  ],
);

/**
 * Contributions summed per investor, pool and calendar period: kind 'Y' (year) or 'M' (month),
 * UTC (all time is investor_pool_totals.contributed). A row's first insert is the moment the
 * investor's distinct-pool count for that period grows. The primary key is in range order, so
 * a range made of whole months and years is read from it alone (a pool has one currency).
 */
export const periodContributions = mysqlTable(
  'period_contributions',
  {
    investorId: uuid('investor_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    kind: char('kind', { length: 1 }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    currency: currency(),
    amount: total('amount'),
  },
  (t) => [
    primaryKey({ columns: [t.currency, t.kind, t.periodStart, t.investorId, t.poolId] }),
    index('period_contributions_pool').on(t.poolId, t.kind, t.periodStart),
  ],
);

/**
 * The ranking itself, per period and currency: distinct pools and total invested per
 * investor, indexed in ranking order, so one period's top N is an index read of N rows.
 */
export const investorRankings = mysqlTable(
  'investor_rankings',
  {
    kind: char('kind', { length: 1 }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    currency: currency(),
    investorId: uuid('investor_id').notNull(),
    uniquePools: int('unique_pools').notNull(),
    totalMinor: total('total_minor'),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.periodStart, t.currency, t.investorId] }),
    index('investor_rankings_order').on(
      t.kind,
      t.periodStart,
      t.currency,
      sql`${t.uniquePools} DESC`,
      sql`${t.totalMinor} DESC`,
      t.investorId,
    ),
  ],
);

/** Per pool: totals by type (cash = contributed + proceeds − distributed − fees − withdrawn). */
export const poolTotals = mysqlTable('pool_totals', {
  poolId: uuid('pool_id').primaryKey(),
  currency: currency(),
  contributed: total('contributed'),
  distributed: total('distributed'),
  fees: total('fees'),
  withdrawn: total('withdrawn'),
  proceeds: total('proceeds'),
});

/** Per pool and UTC day: contributions and distributions, for charts (months group these). */
export const poolDays = mysqlTable(
  'pool_days',
  {
    poolId: uuid('pool_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    contributed: total('contributed'),
    distributed: total('distributed'),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.day] })],
);

/** Pool facts from the pools stream (PoolChanged snapshots; the newest revision wins). */
export const poolFacts = mysqlTable(
  'pool_facts',
  {
    poolId: uuid('pool_id').primaryKey(),
    revision: int('revision').notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    currency: currency(),
    managerId: uuid('manager_id').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    targetMinor: bigint('target_minor', { mode: 'bigint' }),
    committedMinor: total('committed_minor'),
    calledMinor: total('called_minor'),
    memberCount: int('member_count').notNull(),
    /**
     * When the pool's earliest snapshot seen here happened (its creation, for pools created
     * after this column); null for pools known before it. Valuations are not dated before it.
     */
    createdAt: instant('created_at'),
  },
  (t) => [index('pool_facts_manager').on(t.managerId, t.poolId)],
);

/**
 * A manager's valuation of a pool's net assets on a date (UTC), the one piece of reports that
 * is a source of truth rather than a read model: the rebuild keeps it, like pool_facts. One
 * per pool and date; recording the same date again replaces it only when asked to.
 */
export const valuations = mysqlTable(
  'valuations',
  {
    id: uuid('id').notNull().unique('valuations_id'),
    poolId: uuid('pool_id').notNull(),
    valuationDate: date('valuation_date', { mode: 'string' }).notNull(),
    currency: currency(),
    valueMinor: minor('value_minor'),
    note: varchar('note', { length: 1000 }),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.valuationDate] })],
);

/**
 * Ledger transactions already applied, keyed by the transaction id (one TransactionPosted
 * event per transaction): live events and a rebuild's replay of history share one key.
 */
export const appliedTransactions = processedEventsTable('applied_transactions');

/** One row (id 1): when the newest applied ledger transaction happened. */
export const readModelState = mysqlTable('read_model_state', {
  id: tinyint('id').primaryKey(),
  lastEventAt: instant('last_event_at'),
  lastAppliedAt: instant('last_applied_at'),
});

/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();
