import { sql } from 'drizzle-orm';
import {
  customType,
  bigint,
  char,
  datetime,
  decimal,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { outboxTable, processedEventsTable } from '@poolgraph/events';
import { auditLogTable } from '@poolgraph/platform';

const now = sql`CURRENT_TIMESTAMP(3)`;
/** Money columns: exact minor units of the pool's currency, read as bigint (never a JS number). */
const minor = (name: string) => bigint(name, { mode: 'bigint' });

export const POOL_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED'] as const;
/** LISTED: every investor sees the pool while OPEN; INVITE_ONLY: only invited investors and members. */
export const POOL_VISIBILITIES = ['LISTED', 'INVITE_ONLY'] as const;

export const pools = mysqlTable(
  'pools',
  {
    id: char('id', { length: 36 }).primaryKey(),
    managerId: char('manager_id', { length: 36 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    description: text('description'),
    /** ISO 4217; fixed once the pool has members (commitments are denominated in it). */
    currency: char('currency', { length: 3 }).notNull(),
    targetMinor: minor('target_minor'),
    minContributionMinor: minor('min_contribution_minor'),
    maxInvestors: int('max_investors'),
    status: mysqlEnum('status', POOL_STATUSES).notNull().default('DRAFT'),
    visibility: mysqlEnum('visibility', POOL_VISIBILITIES).notNull().default('LISTED'),
    /**
     * Counts every committed change to the pool or its memberships (each holds the pool's row
     * lock); pool events carry it so consumers keep only the newest snapshot.
     */
    revision: int('revision').notNull().default(0),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [index('pools_manager').on(t.managerId, t.id), index('pools_status').on(t.status, t.id)],
);

export const memberships = mysqlTable(
  'memberships',
  {
    id: char('id', { length: 36 }).primaryKey(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    investorId: char('investor_id', { length: 36 }).notNull(),
    commitmentMinor: minor('commitment_minor').notNull(),
    /**
     * Contributions not yet matched to a capital call (paid before a call, or above it);
     * the next call's item is settled from it first.
     */
    creditMinor: minor('credit_minor')
      .notNull()
      .default(sql`0`),
    /** The manager who added the member with inviteInvestor; null when they joined themself. */
    addedBy: char('added_by', { length: 36 }),
    joinedAt: datetime('joined_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    uniqueIndex('memberships_pool_investor').on(t.poolId, t.investorId),
    index('memberships_investor').on(t.investorId, t.id),
  ],
);

export const capitalCalls = mysqlTable(
  'capital_calls',
  {
    id: char('id', { length: 36 }).primaryKey(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    /** Percent of commitments, 4 decimals: 33.3333 means a third (minus rounding). */
    percent: decimal('percent', { precision: 7, scale: 4 }).notNull(),
    dueDate: datetime('due_date', { mode: 'date', fsp: 3 }).notNull(),
    createdBy: char('created_by', { length: 36 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [index('capital_calls_pool_due').on(t.poolId, t.dueDate, t.id)],
);

export const capitalCallItems = mysqlTable(
  'capital_call_items',
  {
    callId: char('call_id', { length: 36 }).notNull(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    investorId: char('investor_id', { length: 36 }).notNull(),
    /** Copied from the call so settlement can take a member's items oldest-due first from one index. */
    dueDate: datetime('due_date', { mode: 'date', fsp: 3 }).notNull(),
    calledMinor: minor('called_minor').notNull(),
    paidMinor: minor('paid_minor')
      .notNull()
      .default(sql`0`),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.investorId] }),
    index('capital_call_items_member_due').on(t.poolId, t.investorId, t.dueDate, t.callId),
  ],
);

/** Ledger events already applied (applyEventOnce), so redelivery changes nothing. */
export const processedEvents = processedEventsTable();

/** Pool events (PoolChanged, MembershipChanged), written with the change and relayed to Redis. */
export const outbox = outboxTable();

/**
 * Pools created by an import, by the id they had in the imported dataset (the importer finds
 * them again by it, so importing twice creates nothing). Case-sensitive: ascii_bin.
 */
const externalId = customType<{ data: string }>({
  dataType: () => 'varchar(64) CHARACTER SET ascii COLLATE ascii_bin',
});
export const poolExternalIds = mysqlTable('pool_external_ids', {
  externalId: externalId('external_id').primaryKey(),
  poolId: char('pool_id', { length: 36 }).notNull().unique('pool_external_ids_pool'),
});

/** Compared byte for byte, in the users subgraph's normal form (NFKC, lower case, trimmed). */
const normalizedEmail = customType<{ data: string }>({
  dataType: () => 'varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin',
});
const tokenHash = customType<{ data: string }>({
  dataType: () => 'char(64) CHARACTER SET ascii COLLATE ascii_bin',
});

export const INVITATION_KINDS = ['EMAIL', 'LINK'] as const;
/** Stored states; EXPIRED and USED_UP are derived when read (expires_at, uses). */
export const INVITATION_STATES = ['PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED'] as const;

/**
 * A manager's invitation to a pool: to one email (claimed by the account with that email), or a
 * shareable link whose token is kept only as its SHA-256 (a leaked table opens no pool).
 */
export const poolInvitations = mysqlTable(
  'pool_invitations',
  {
    id: char('id', { length: 36 }).primaryKey(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    kind: mysqlEnum('kind', INVITATION_KINDS).notNull(),
    email: normalizedEmail('email'),
    tokenHash: tokenHash('token_hash').unique('pool_invitations_token'),
    /** The account that claimed an email invitation (its email matched); null until then. */
    investorId: char('investor_id', { length: 36 }),
    status: mysqlEnum('status', INVITATION_STATES).notNull().default('PENDING'),
    /** A link's use limit; null: unlimited until it expires. */
    maxUses: int('max_uses'),
    uses: int('uses').notNull().default(0),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    createdBy: char('created_by', { length: 36 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    respondedAt: datetime('responded_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    index('pool_invitations_pool').on(t.poolId, t.id),
    index('pool_invitations_investor').on(t.investorId, t.status),
    index('pool_invitations_email').on(t.email, t.status),
  ],
);

export const FEE_BASES = ['COMMITMENTS', 'INVESTED_CAPITAL'] as const;
export const FEE_FREQUENCIES = ['ONCE', 'ANNUAL', 'QUARTERLY'] as const;
export const HURDLE_COMPOUNDINGS = ['SIMPLE', 'COMPOUND'] as const;
export const CATCH_UPS = ['NONE', 'FULL'] as const;

/**
 * A pool's fund terms, one row per version: the newest version is in force. Every change,
 * while DRAFT or after, is a new row with who set it and when, so the history is never
 * rewritten. Rates are basis points (integers: 200 = 2 %), never floats.
 */
export const poolTerms = mysqlTable(
  'pool_terms',
  {
    poolId: char('pool_id', { length: 36 }).notNull(),
    /** 1, 2, … per pool; written under the pool's row lock, so versions never collide. */
    version: int('version').notNull(),
    managementFeeBps: int('management_fee_bps').notNull(),
    feeBasis: mysqlEnum('fee_basis', FEE_BASES).notNull(),
    feeFrequency: mysqlEnum('fee_frequency', FEE_FREQUENCIES).notNull(),
    /** Months from the pool's opening during which no management fee is due. */
    feeHolidayMonths: int('fee_holiday_months').notNull().default(0),
    carryBps: int('carry_bps').notNull(),
    /** The preferred return (hurdle) per year; 0: none. */
    hurdleBps: int('hurdle_bps').notNull().default(0),
    hurdleCompounding: mysqlEnum('hurdle_compounding', HURDLE_COMPOUNDINGS)
      .notNull()
      .default('SIMPLE'),
    catchUp: mysqlEnum('catch_up', CATCH_UPS).notNull().default('NONE'),
    /** The pool's status when this version was set (DRAFT, or a change after opening). */
    poolStatus: mysqlEnum('pool_status', POOL_STATUSES).notNull(),
    setBy: char('set_by', { length: 36 }).notNull(),
    setAt: datetime('set_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.version] })],
);

/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();
