import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  int,
  customType,
  datetime,
  index,
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
const minor = (name: string) =>
  bigint(name, { mode: 'bigint' })
    .notNull()
    .default(sql`0`);

export const TRANSACTION_TYPES = ['CONTRIBUTION', 'DISTRIBUTION', 'FEE', 'WITHDRAWAL'] as const;
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
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.poolId, t.investorId] }),
    index('investor_accounts_investor').on(t.investorId),
  ],
);

/** One posted money movement. Immutable; `amount` is always positive. */
export const transactions = mysqlTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    poolId: uuid('pool_id').notNull(),
    investorId: uuid('investor_id'),
    type: mysqlEnum('type', TRANSACTION_TYPES).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: mysqlEnum('status', ['PENDING', 'POSTED', 'VOIDED']).notNull().default('POSTED'),
    /** The idempotent request that posted it: a replay returns that request's transactions. */
    requestId: uuid('request_id').notNull(),
    occurredAt: datetime('occurred_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    index('transactions_pool').on(t.poolId, t.id),
    index('transactions_pool_investor').on(t.poolId, t.investorId, t.id),
    index('transactions_request').on(t.requestId),
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
export const poolFacts = mysqlTable('pool_facts', {
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
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(now),
});

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
  },
  (t) => [primaryKey({ columns: [t.poolId, t.investorId] })],
);

/** Domain events, written in the posting transaction and published by the relay. */
export const outbox = outboxTable();

/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();
