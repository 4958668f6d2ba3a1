import { outboxTable, processedEventsTable } from '@poolgraph/events';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  customType,
  datetime,
  double,
  index,
  int,
  mysqlTable,
  primaryKey,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { auditLogTable } from '@poolgraph/platform';

export const ALERT_KINDS = ['LARGE_TRANSACTION', 'TRANSACTION_SPIKE'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type ChannelKind = 'WEBHOOK' | 'EMAIL';
export type NotificationChannelKind = 'IN_APP' | ChannelKind;
export type NotificationStatus = 'PENDING' | 'DELIVERED' | 'DEAD';
export const NOTICE_KINDS = [
  'CAPITAL_CALL',
  'DISTRIBUTION',
  'DISTRIBUTION_VOIDED',
  'FEE',
  'CONTRIBUTION_POSTED',
  'CONTRIBUTION_VOIDED',
  'WITHDRAWAL_POSTED',
  'WITHDRAWAL_VOIDED',
  'CARRY',
  'PAYMENT_HELD',
  'PAYMENT_REFUNDED',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const now = sql`CURRENT_TIMESTAMP(3)`;
const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 });
/** Money: exact minor units of the pool's currency, read as bigint (never a JS number). */
const minor = (name: string) => bigint(name, { mode: 'bigint' });
/** Secrets compare byte-wise (the server's default collation is case-insensitive). */
const asciiBin = (name: string, length: number) =>
  customType<{ data: string }>({
    dataType: () => `varchar(${length}) CHARACTER SET ascii COLLATE ascii_bin`,
  })(name);

/**
 * Raised alerts. `manager_id` is copied from the pool facts when the alert is raised: no
 * subgraph reads another's tables, and "alerts of the pools I manage" must be one indexed query.
 * Kind and status are VARCHAR, not ENUM, so adding a value needs no table rebuild.
 */
export const alerts = mysqlTable(
  'alerts',
  {
    id: char('id', { length: 36 }).primaryKey(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    managerId: char('manager_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 32 }).$type<AlertKind>().notNull(),
    message: varchar('message', { length: 500 }).notNull(),
    transactionId: char('transaction_id', { length: 36 }),
    observedCount: int('observed_count'),
    baselineCount: double('baseline_count'),
    status: varchar('status', { length: 16 }).$type<AlertStatus>().notNull().default('OPEN'),
    raisedAt: at('raised_at').notNull().default(now),
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedBy: char('acknowledged_by', { length: 36 }),
    resolvedAt: at('resolved_at'),
    /** Null when the detector resolved it (the rate fell back). */
    resolvedBy: char('resolved_by', { length: 36 }),
    /** The event that raised it: the same event can never raise the same kind twice. */
    sourceEventId: asciiBin('source_event_id', 36),
  },
  (t) => [
    // Serve "my alerts" and "this pool's alerts", newest first, from an index each.
    index('alerts_manager_raised').on(t.managerId, t.raisedAt),
    index('alerts_pool_raised').on(t.poolId, t.raisedAt),
    index('alerts_raised').on(t.raisedAt),
    index('alerts_pool_status').on(t.poolId, t.status),
    uniqueIndex('alerts_source_kind').on(t.sourceEventId, t.kind),
  ],
);

/** A pool's rules; a pool without a row for a kind uses that kind's defaults (services/rules.ts). */
export const alertRules = mysqlTable(
  'alert_rules',
  {
    id: char('id', { length: 36 }).primaryKey(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 32 }).$type<AlertKind>().notNull(),
    thresholdMinor: minor('threshold_minor'),
    spikeFactor: double('spike_factor'),
    windowSeconds: int('window_seconds'),
    baselineSeconds: int('baseline_seconds'),
    minCount: int('min_count'),
    enabled: boolean('enabled').notNull(),
    updatedAt: at('updated_at').notNull().default(now),
    updatedBy: char('updated_by', { length: 36 }).notNull(),
  },
  (t) => [uniqueIndex('alert_rules_pool_kind').on(t.poolId, t.kind)],
);

/**
 * What alerts knows about each pool, kept from the pools stream (PoolChanged snapshots): a row
 * is replaced only by a snapshot with a greater revision.
 */
export const poolFacts = mysqlTable('pool_facts', {
  poolId: char('pool_id', { length: 36 }).primaryKey(),
  revision: int('revision').notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  managerId: char('manager_id', { length: 36 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  status: varchar('status', { length: 16 }).notNull(),
  targetMinor: minor('target_minor'),
  updatedAt: at('updated_at').notNull().default(now),
});

/** A manager's notification channels (the in-app inbox needs none). */
export const notificationChannels = mysqlTable(
  'notification_channels',
  {
    id: char('id', { length: 36 }).primaryKey(),
    managerId: char('manager_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 16 }).$type<ChannelKind>().notNull(),
    /** WEBHOOK: where to POST. */
    url: varchar('url', { length: 2048 }),
    /**
     * WEBHOOK: the HMAC key, shown once when the channel is created; stored sealed
     * (data/sealedColumns.ts), which is why it is far wider than the 64 hex characters.
     */
    secret: asciiBin('secret', 512),
    /** EMAIL: where to send. */
    email: varchar('email', { length: 320 }),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: at('created_at').notNull().default(now),
  },
  (t) => [index('channels_manager').on(t.managerId)],
);

/**
 * The notification outbox: one row per alert and channel, written in the transaction that
 * raises the alert, delivered afterwards (at least once) by the dispatcher.
 */
export const notifications = mysqlTable(
  'notifications',
  {
    id: char('id', { length: 36 }).primaryKey(),
    alertId: char('alert_id', { length: 36 }).notNull(),
    managerId: char('manager_id', { length: 36 }).notNull(),
    channel: varchar('channel', { length: 16 }).$type<NotificationChannelKind>().notNull(),
    channelId: char('channel_id', { length: 36 }),
    status: varchar('status', { length: 16 }).$type<NotificationStatus>().notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().default(now),
    lastError: varchar('last_error', { length: 500 }),
    createdAt: at('created_at').notNull().default(now),
    deliveredAt: at('delivered_at'),
    /** IN_APP: when the manager marked it read. */
    readAt: at('read_at'),
  },
  (t) => [
    index('notifications_due').on(t.status, t.nextAttemptAt),
    index('notifications_manager').on(t.managerId, t.createdAt),
    index('notifications_alert').on(t.alertId),
  ],
);

/** The delivery log: one row per attempt, visible to the manager. */
export const deliveryAttempts = mysqlTable(
  'delivery_attempts',
  {
    id: char('id', { length: 36 }).primaryKey(),
    notificationId: char('notification_id', { length: 36 }).notNull(),
    attempt: int('attempt').notNull(),
    attemptedAt: at('attempted_at').notNull(),
    ok: boolean('ok').notNull(),
    statusCode: int('status_code'),
    error: varchar('error', { length: 500 }),
    durationMs: int('duration_ms').notNull(),
  },
  (t) => [index('attempts_notification').on(t.notificationId, t.attempt)],
);

/**
 * Notices: what an investor is told about money that concerns them (a capital call, a
 * distribution, their payments' outcomes), with their own amount. Written by the event
 * consumers; a notice is delivered in-app by being written. One per event and investor (the
 * unique key), so a redelivered event adds nothing.
 */
export const notices = mysqlTable(
  'notices',
  {
    id: char('id', { length: 36 }).primaryKey(),
    investorId: char('investor_id', { length: 36 }).notNull(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 32 }).$type<NoticeKind>().notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    message: varchar('message', { length: 500 }).notNull(),
    transactionId: char('transaction_id', { length: 36 }),
    capitalCallId: char('capital_call_id', { length: 36 }),
    dueDate: at('due_date'),
    /** FEE charged by the management fee schedule: the period it is for (end null: once). */
    feePeriodStart: at('fee_period_start'),
    feePeriodEnd: at('fee_period_end'),
    /** DISTRIBUTION paid through the waterfall: the member's tiers (they sum to the amount). */
    returnOfCapitalMinor: minor('return_of_capital_minor'),
    preferredReturnMinor: minor('preferred_return_minor'),
    profitShareMinor: minor('profit_share_minor'),
    /** When the fact happened (the event's occurredAt). */
    occurredAt: at('occurred_at').notNull(),
    createdAt: at('created_at').notNull().default(now),
    readAt: at('read_at'),
    sourceEventId: asciiBin('source_event_id', 36).notNull(),
  },
  (t) => [
    uniqueIndex('notices_source_investor').on(t.sourceEventId, t.investorId),
    index('notices_investor_created').on(t.investorId, t.createdAt),
    index('notices_investor_unread').on(t.investorId, t.readAt),
  ],
);

/**
 * Each account's email address as users last announced it (UserContactChanged on
 * `users.events`): alerts never reads users' tables. The newest event wins (its time, then its
 * id), so redelivered or reordered events change nothing.
 */
export const contacts = mysqlTable('contacts', {
  userId: char('user_id', { length: 36 }).primaryKey(),
  email: varchar('email', { length: 320 }).notNull(),
  changedAt: at('changed_at').notNull(),
  eventId: asciiBin('event_id', 36).notNull(),
});

/**
 * An investor's choice per notice kind: email on or off (in-app is always on). No row: the
 * kind's default (services/noticePreferences.ts).
 */
export const noticePreferences = mysqlTable(
  'notice_preferences',
  {
    investorId: char('investor_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 32 }).$type<NoticeKind>().notNull(),
    email: boolean('email').notNull(),
    updatedAt: at('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.investorId, t.kind] })],
);

/**
 * The notices' delivery outbox: one row per notice and channel beyond the app (EMAIL), written
 * in the transaction that writes the notice, for the kinds the investor wants by email; the
 * dispatcher delivers them as it does alerts' notifications (retries, then DEAD). The unique key
 * makes it once per (notice, channel).
 */
export const noticeDeliveries = mysqlTable(
  'notice_deliveries',
  {
    id: char('id', { length: 36 }).primaryKey(),
    noticeId: char('notice_id', { length: 36 }).notNull(),
    investorId: char('investor_id', { length: 36 }).notNull(),
    channel: varchar('channel', { length: 16 }).$type<'EMAIL'>().notNull(),
    status: varchar('status', { length: 16 }).$type<NotificationStatus>().notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().default(now),
    lastError: varchar('last_error', { length: 500 }),
    /** The address it went to (the contact at the time it was sent). */
    sentTo: varchar('sent_to', { length: 320 }),
    createdAt: at('created_at').notNull().default(now),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    uniqueIndex('notice_deliveries_notice_channel').on(t.noticeId, t.channel),
    index('notice_deliveries_due').on(t.status, t.nextAttemptAt),
  ],
);

export const processedEvents = processedEventsTable();

/**
 * AlertRaised events, written in the transaction that raises the alert; the relay publishes
 * them to `<prefix>alerts.raised`, which the live subscription tails (README "Live alerts").
 */
export const outbox = outboxTable();

/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();

/** Partner webhooks: keys' facts, endpoints, deliveries (partnerSchema.ts). */
export * from './partnerSchema.ts';
