import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  int,
  customType,
  datetime,
  index,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { outboxTable } from '@poolgraph/events';
import { auditLogTable } from '@poolgraph/platform';

const now = sql`CURRENT_TIMESTAMP(3)`;

/**
 * UUIDs as ASCII with binary collation: a quarter of utf8mb4's key width and byte-wise
 * comparison, which the bulk path's multi-index inserts feel directly.
 */
const uuid = customType<{ data: string }>({
  dataType: () => 'char(36) CHARACTER SET ascii COLLATE ascii_bin',
});
const asciiHex = customType<{ data: string }>({
  dataType: () => 'char(64) CHARACTER SET ascii COLLATE ascii_bin',
});
/** Provider ids and references: exact, byte-wise (never the server's case-folding collation). */
const asciiKey = (length: number) =>
  customType<{ data: string }>({
    dataType: () => `varchar(${length}) CHARACTER SET ascii COLLATE ascii_bin`,
  });
const minor = (name: string) =>
  bigint(name, { mode: 'bigint' })
    .notNull()
    .default(sql`0`);

export const TRANSACTION_TYPES = [
  'CONTRIBUTION',
  'DISTRIBUTION',
  'FEE',
  'WITHDRAWAL',
  'PROCEEDS',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/**
 * A pool's cash account (an asset: debits raise it) plus running totals by transaction type.
 * Created on the pool's first transaction from facts the pools subgraph returned then: the
 * currency (immutable, so later calls are checked against it) and the manager.
 */
export const poolAccounts = mysqlTable('pool_accounts', {
  poolId: uuid('pool_id').primaryKey(),
  currency: char('currency', { length: 3 }).notNull(),
  managerId: uuid('manager_id').notNull(),
  cashBalance: minor('cash_balance'),
  totalContributed: minor('total_contributed'),
  totalDistributed: minor('total_distributed'),
  totalFees: minor('total_fees'),
  totalWithdrawn: minor('total_withdrawn'),
  /** Money the pool received back from its holdings (PROCEEDS: an exit, a dividend, a sale). */
  totalProceeds: minor('total_proceeds'),
  /**
   * Two-phase money, kept apart from the posted balance (see README, "Two-phase transactions"):
   * money on its way in (PENDING contributions: not cash yet, not spendable) and cash reserved
   * for PENDING payouts (distributions, withdrawals: still cash, no longer spendable).
   */
  pendingIn: minor('pending_in'),
  pendingOut: minor('pending_out'),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
});

/**
 * An investor's capital account in a pool (equity: credits raise it), i.e. their position,
 * with running totals by transaction type.
 */
export const investorAccounts = mysqlTable(
  'investor_accounts',
  {
    poolId: uuid('pool_id').notNull(),
    investorId: uuid('investor_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    capitalBalance: minor('capital_balance'),
    contributed: minor('contributed'),
    distributed: minor('distributed'),
    fees: minor('fees'),
    withdrawn: minor('withdrawn'),
    /** Their share of the pool's proceeds, credited to their capital account pro rata. */
    proceeds: minor('proceeds'),
    /**
     * The carried interest this member bore: their part of each carry DISTRIBUTION paid to the
     * manager, debited to their capital account (README, "Distribution waterfall").
     */
    carryBorne: minor('carry_borne'),
    /** The investor's PENDING contributions (not capital yet) and PENDING payouts (capital reserved). */
    pendingIn: minor('pending_in'),
    pendingOut: minor('pending_out'),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.poolId, t.investorId] }),
    index('investor_accounts_investor').on(t.investorId),
  ],
);

export const TRANSACTION_STATUSES = ['PENDING', 'POSTED', 'VOIDED'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/**
 * One money movement; `amount` is always positive. A POSTED transaction is immutable. A PENDING
 * one (two-phase) has no entries yet: it changes exactly once, to POSTED (entries written then,
 * for `amount`, which may be less than `reservedAmount`) or VOIDED.
 */
export const transactions = mysqlTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    poolId: uuid('pool_id').notNull(),
    investorId: uuid('investor_id'),
    type: mysqlEnum('type', TRANSACTION_TYPES).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: mysqlEnum('status', TRANSACTION_STATUSES).notNull().default('POSTED'),
    /** Two-phase only: what was reserved while PENDING. Null for a transaction posted at once. */
    reservedAmount: bigint('reserved_amount', { mode: 'bigint' }),
    /** Two-phase only: when a PENDING transaction voids itself. */
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }),
    /** Two-phase only: when it became POSTED or VOIDED. */
    settledAt: datetime('settled_at', { mode: 'date', fsp: 3 }),
    /** The idempotent request that posted it: a replay returns that request's transactions. */
    requestId: uuid('request_id').notNull(),
    /**
     * A DISTRIBUTION of carried interest to the pool's manager (the waterfall's carry tier),
     * rather than a member's share: the waterfall counts it as carry paid, not as money returned.
     */
    carry: boolean('carry').notNull().default(false),
    /** What the money was (PROCEEDS: "exit of Acme", "Q3 dividend"), as the manager wrote it. */
    note: varchar('note', { length: 500 }),
    /**
     * A member's DISTRIBUTION paid through the pool's waterfall: what it paid as return of
     * capital, preferred return and profit share (summing to the amount, or to the reserved
     * amount while PENDING), recorded when it was planned. Null on every other transaction.
     */
    tierReturnOfCapital: bigint('tier_return_of_capital', { mode: 'bigint' }),
    tierPreferredReturn: bigint('tier_preferred_return', { mode: 'bigint' }),
    tierProfitShare: bigint('tier_profit_share', { mode: 'bigint' }),
    occurredAt: datetime('occurred_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    index('transactions_pool').on(t.poolId, t.id),
    index('transactions_pool_investor').on(t.poolId, t.investorId, t.id),
    index('transactions_request').on(t.requestId),
    index('transactions_expiry').on(t.status, t.expiresAt),
    // An investor's history across pools, newest first.
    index('transactions_investor').on(t.investorId, t.id),
  ],
);

/**
 * Double entries. Signed minor units, debit positive; each transaction's entries sum to zero.
 * investor_id NULL is the pool's cash account; set, it is that investor's capital account.
 */
export const entries = mysqlTable(
  'entries',
  {
    id: bigint('id', { mode: 'bigint', unsigned: true }).autoincrement().primaryKey(),
    transactionId: uuid('transaction_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    investorId: uuid('investor_id'),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
  },
  (t) => [index('entries_transaction').on(t.transactionId)],
);

/**
 * Idempotency keys, scoped to the caller. The primary key makes a concurrent replay wait for
 * the first request's commit, then fail to insert and read the original result instead.
 */
export const idempotencyKeys = mysqlTable(
  'idempotency_keys',
  {
    actorId: uuid('actor_id').notNull(),
    /**
     * SHA-256 (hex) of the key's UTF-8 bytes: the lookup column. Keys compare byte for byte —
     * "K-1" is not "k-1" and "k " is not "k" — which no text collation guarantees on both MySQL
     * and MariaDB (the server default folds case and accents, and PAD SPACE ignores trailing
     * spaces), while a hex digest in ascii_bin does.
     */
    keyHash: asciiHex('key_hash').notNull(),
    /** The key as given, for operators; never compared. */
    idempotencyKey: varchar('idempotency_key', { length: 200 }).notNull(),
    id: uuid('id').notNull(),
    operation: varchar('operation', { length: 32 }).notNull(),
    /** SHA-256 of the canonical request (operation, pool, investor, amount in minor units, date). */
    requestHash: char('request_hash', { length: 64 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.keyHash, t.actorId] }),
    uniqueIndex('idempotency_keys_id').on(t.id),
  ],
);

export const POOL_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED'] as const;
export type PoolStatus = (typeof POOL_STATUSES)[number];

/**
 * The ledger's copy of what pools says about a pool (from `pools.events`, or from asking pools
 * when the copy is missing or older): enough to authorize and check a posting locally, under
 * the pool's cash row lock, while pools is down. Only newer revisions overwrite it.
 */
export const poolFacts = mysqlTable(
  'pool_facts',
  {
    poolId: uuid('pool_id').primaryKey(),
    currency: char('currency', { length: 3 }).notNull(),
    managerId: uuid('manager_id').notNull(),
    status: mysqlEnum('status', POOL_STATUSES).notNull(),
    revision: int('revision').notNull(),
    /**
     * The closing saga's first step (closePoolInLedger) sets it to the revision pools is about to
     * commit; contributions are refused while it is set. Any pools event at or above it clears it
     * (the close committed, or failed and that revision went to another change), and so does the
     * saga's compensation.
     */
    closingRevision: int('closing_revision'),
    /**
     * The archiving saga's first step (archivePoolInLedger), like closingRevision: while it is set
     * the pool counts as ARCHIVED here, so nothing posts between the ledger's check (no cash, no
     * pending money) and pools' commit.
     */
    archivingRevision: int('archiving_revision'),
    /** pools' visibility: an OPEN INVITE_ONLY pool is not seen by outsiders (access.ts canSeePool). */
    visibility: mysqlEnum('visibility', ['LISTED', 'INVITE_ONLY']).notNull().default('LISTED'),
    /**
     * pools' fund terms in force, as far as distributions need them (the waterfall): the version,
     * carry and preferred return in basis points, compounding and catch-up. Version null and
     * carry 0: no carry, distributions are plain pro rata.
     */
    termsVersion: int('terms_version'),
    carryBps: int('carry_bps').notNull().default(0),
    hurdleBps: int('hurdle_bps').notNull().default(0),
    hurdleCompounding: mysqlEnum('hurdle_compounding', ['SIMPLE', 'COMPOUND'])
      .notNull()
      .default('SIMPLE'),
    catchUp: mysqlEnum('catch_up', ['NONE', 'FULL']).notNull().default('NONE'),
    /**
     * The management fee of the same terms, for the fee schedule (src/fees/): the yearly rate in
     * basis points (0: none), what it is a percentage of, how often it is charged, and the months
     * after opening without it.
     */
    managementFeeBps: int('management_fee_bps').notNull().default(0),
    feeBasis: mysqlEnum('fee_basis', ['COMMITMENTS', 'INVESTED_CAPITAL'])
      .notNull()
      .default('COMMITMENTS'),
    feeFrequency: mysqlEnum('fee_frequency', ['ONCE', 'ANNUAL', 'QUARTERLY'])
      .notNull()
      .default('ANNUAL'),
    feeHolidayMonths: int('fee_holiday_months').notNull().default(0),
    /**
     * When the pool opened, as the ledger learned it: the time of the first snapshot that was not
     * DRAFT (pools' event time; a lookup's answer counts as now, and an earlier event wins).
     * The fee schedule's periods count from it. Null while DRAFT.
     */
    openedAt: datetime('opened_at', { mode: 'date', fsp: 3 }),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  // A manager's pools (their transaction history across pools).
  (t) => [index('pool_facts_manager').on(t.managerId)],
);

/** Who is a member of which pool, per pools (as pool_facts: newest revision wins). */
export const poolMembers = mysqlTable(
  'pool_members',
  {
    poolId: uuid('pool_id').notNull(),
    investorId: uuid('investor_id').notNull(),
    member: boolean('member').notNull(),
    revision: int('revision').notNull(),
    /**
     * The removal saga's first step (releaseMemberInLedger) sets it to the revision pools is about
     * to commit: from then on the investor counts as no member (no contributions, no share of
     * distributions and fees). A pools event at or above it clears it, as does the compensation.
     */
    leavingRevision: int('leaving_revision'),
    /**
     * The member's commitment in minor units, as pools last stated it (null: not heard yet, so
     * pools is asked before a contribution). Contributions are capped by what is unfunded of it.
     */
    commitmentMinor: bigint('commitment_minor', { mode: 'bigint' }),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.investorId] })],
);

/** Domain events, written in the posting transaction and published by the relay. */
export const outbox = outboxTable();

export const PAYMENT_PROVIDERS = ['stripe', 'bank'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];
export const PAYMENT_METHODS = ['CARD', 'BANK_TRANSFER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * A payment at a provider behind one PENDING ledger transaction (a contribution paid by card or
 * bank transfer). Written before the provider is asked, so a webhook that overtakes the
 * provider's answer still finds it (by the transaction id the provider echoes in metadata).
 */
export const payments = mysqlTable(
  'payments',
  {
    transactionId: uuid('transaction_id').primaryKey(),
    provider: mysqlEnum('provider', PAYMENT_PROVIDERS).notNull(),
    method: mysqlEnum('method', PAYMENT_METHODS).notNull(),
    poolId: uuid('pool_id').notNull(),
    investorId: uuid('investor_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** The provider's id (a Stripe PaymentIntent id); null until the provider answered. */
    providerPaymentId: asciiKey(255)('provider_payment_id'),
    /** Bank transfers: the reference the payer quotes, unique. */
    reference: asciiKey(32)('reference'),
    /** The provider's last known status, as the provider names it. */
    providerStatus: varchar('provider_status', { length: 64 }).notNull().default('creating'),
    /** What the provider says it received, in minor units, once known. */
    receivedAmount: bigint('received_amount', { mode: 'bigint' }),
    /**
     * What has been paid back to the payer, in minor units. Received money the pool could not
     * take (received − posted) and not yet refunded is the pool's suspense: never cash, never
     * distributable (payments/suspense.ts).
     */
    refundedAmount: bigint('refunded_amount', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /**
     * How much of the suspense (received − posted) the payer has been told is held, so that each
     * amount is announced once (payments/suspense.ts).
     */
    heldAnnounced: bigint('held_announced', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    uniqueIndex('payments_provider_id').on(t.provider, t.providerPaymentId),
    uniqueIndex('payments_reference').on(t.reference),
    index('payments_pool').on(t.poolId, t.createdAt),
  ],
);

/**
 * Every bank transfer recorded for a bank-transfer payment, once: the payment's received amount
 * is their sum (payments/bankTransfers.ts). `bankKey` tells one transfer from another: the
 * bank's own id for it, or a statement line's date, amount and rank among identical lines when
 * the statement names none; null for a manager's confirmation without one (a later statement
 * line of the same amount takes it over, so nothing arrives twice).
 */
export const bankTransfers = mysqlTable(
  'bank_transfers',
  {
    id: uuid('id').primaryKey(),
    transactionId: uuid('transaction_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    bankKey: asciiKey(191)('bank_key'),
    recordedAt: datetime('recorded_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [uniqueIndex('bank_transfers_key').on(t.transactionId, t.bankKey)],
);

/**
 * Every provider event that passed its signature check, stored raw before it is processed, once
 * per (provider, event id): a duplicate delivery finds its row and has no second effect.
 */
export const providerEvents = mysqlTable(
  'provider_events',
  {
    provider: mysqlEnum('provider', PAYMENT_PROVIDERS).notNull(),
    eventId: asciiKey(255)('event_id').notNull(),
    type: varchar('type', { length: 128 }).notNull(),
    /** The body exactly as received (the signature covers these bytes). */
    payload: mediumtext('payload').notNull(),
    receivedAt: datetime('received_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    processedAt: datetime('processed_at', { mode: 'date', fsp: 3 }),
    /** What processing did: posted, voided, ignored, refused (unknown payment) … */
    outcome: varchar('outcome', { length: 255 }),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();
