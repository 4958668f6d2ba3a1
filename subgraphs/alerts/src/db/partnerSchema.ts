import { sql } from 'drizzle-orm';
import {
  char,
  customType,
  datetime,
  index,
  int,
  mysqlTable,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';

/** The pool events a partner webhook can receive (the SDL's PartnerEventType). */
export const PARTNER_EVENT_TYPES = [
  'TRANSACTION_POSTED',
  'TRANSACTION_VOIDED',
  'ALERT_RAISED',
  'PAYMENT_HELD',
  'PAYMENT_REFUNDED',
] as const;
export type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];
export type PartnerKeyKind = 'PLATFORM' | 'DELEGATED';
export type PartnerDeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

const now = sql`CURRENT_TIMESTAMP(3)`;
const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 });
const asciiBin = (name: string, length: number) =>
  customType<{ data: string }>({
    dataType: () => `varchar(${length}) CHARACTER SET ascii COLLATE ascii_bin`,
  })(name);

/** JSON, parsed on read: MariaDB hands JSON columns to mysql2 as text. */
const jsonValue = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'json',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value) as T,
  })(name);

/**
 * What alerts knows of each partner API key, kept from users' ApiKeyChanged events (alerts never
 * reads users' tables): whose pools it reads, with which scopes, until when. `revoked_at` is
 * kept from the first event that carries it, so reordered events never un-revoke a key.
 */
export const partnerKeys = mysqlTable(
  'partner_keys',
  {
    keyId: char('key_id', { length: 36 }).primaryKey(),
    kind: varchar('kind', { length: 16 }).$type<PartnerKeyKind>().notNull(),
    /** A DELEGATED key's manager (its issuer); null for a PLATFORM key. */
    managerId: char('manager_id', { length: 36 }),
    /** A DELEGATED key's pools; null: all of its manager's. */
    poolIds: jsonValue<string[] | null>('pool_ids'),
    scopes: jsonValue<string[]>('scopes').notNull(),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
    updatedAt: at('updated_at').notNull().default(now),
  },
  (t) => [index('partner_keys_manager').on(t.managerId)],
);

/** Endpoints a key's owner registered to receive the key's pool events. */
export const partnerWebhooks = mysqlTable(
  'partner_webhooks',
  {
    id: char('id', { length: 36 }).primaryKey(),
    keyId: char('key_id', { length: 36 }).notNull(),
    url: varchar('url', { length: 2048 }).notNull(),
    /** The HMAC key, shown once; sealed like the alert webhooks' (data/sealedColumns.ts). */
    secret: asciiBin('secret', 512).notNull(),
    /** The event types it receives, comma-separated PartnerEventType values. */
    eventTypes: varchar('event_types', { length: 128 }).notNull(),
    createdBy: char('created_by', { length: 36 }).notNull(),
    createdAt: at('created_at').notNull().default(now),
  },
  (t) => [index('partner_webhooks_key').on(t.keyId, t.createdAt)],
);

/**
 * The partner webhooks' outbox: one row per (event, webhook), written in the transaction that
 * consumed the event, delivered by the same dispatcher as alert notifications (attempts in
 * `delivery_attempts`). The unique key makes a redelivered event add nothing.
 */
export const partnerDeliveries = mysqlTable(
  'partner_deliveries',
  {
    id: char('id', { length: 36 }).primaryKey(),
    webhookId: char('webhook_id', { length: 36 }).notNull(),
    keyId: char('key_id', { length: 36 }).notNull(),
    /** The source event: the ledger event's id, or the alert's id for ALERT_RAISED. */
    eventId: asciiBin('event_id', 36).notNull(),
    eventType: varchar('event_type', { length: 32 }).$type<PartnerEventType>().notNull(),
    poolId: char('pool_id', { length: 36 }).notNull(),
    /** The body's `data` (the transaction or the alert), as it was when the event happened. */
    payload: jsonValue<Record<string, unknown>>('payload').notNull(),
    occurredAt: at('occurred_at').notNull(),
    status: varchar('status', { length: 16 }).$type<PartnerDeliveryStatus>().notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().default(now),
    lastError: varchar('last_error', { length: 500 }),
    createdAt: at('created_at').notNull().default(now),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    uniqueIndex('partner_deliveries_event_webhook').on(t.eventId, t.webhookId),
    index('partner_deliveries_due').on(t.status, t.nextAttemptAt),
    index('partner_deliveries_webhook').on(t.webhookId, t.createdAt),
  ],
);
