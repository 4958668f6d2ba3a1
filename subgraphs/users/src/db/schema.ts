import { sql } from 'drizzle-orm';
import {
  char,
  datetime,
  index,
  mysqlTable,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { auditLogTable } from '@poolgraph/platform';

const now = sql`CURRENT_TIMESTAMP(3)`;

export const users = mysqlTable(
  'users',
  {
    id: char('id', { length: 36 }).primaryKey(),
    email: varchar('email', { length: 254 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    /** Comma-separated Role values; a user holds few roles and they are read with the row. */
    roles: varchar('roles', { length: 64 }).notNull(),
    externalId: varchar('external_id', { length: 64 }),
    /** A contact number the user chose to give (their profile); optional. */
    phone: varchar('phone', { length: 32 }),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    uniqueIndex('users_email').on(t.email),
    uniqueIndex('users_external_id').on(t.externalId),
  ],
);

/**
 * Refresh tokens are stored as SHA-256 hashes. Tokens issued from one login share a family;
 * presenting a spent token revokes its whole family.
 */
export const refreshTokens = mysqlTable(
  'refresh_tokens',
  {
    id: char('id', { length: 36 }).primaryKey(),
    familyId: char('family_id', { length: 36 }).notNull(),
    userId: char('user_id', { length: 36 }).notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    spentAt: datetime('spent_at', { mode: 'date', fsp: 3 }),
    revokedAt: datetime('revoked_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash').on(t.tokenHash),
    index('refresh_tokens_family').on(t.familyId),
    index('refresh_tokens_user').on(t.userId),
  ],
);

/**
 * Sign-ups waiting for their email's confirmation (where sign-up confirms by email). At most one
 * per address: asking again replaces it, so only the newest link works. The link's token is kept
 * as its SHA-256; the row is deleted when the link is used or, past `expires_at`, by the next
 * request. `email` is compared byte for byte, as `users.email` (0006_pending_sign_ups.sql).
 */
export const pendingSignUps = mysqlTable(
  'pending_sign_ups',
  {
    email: varchar('email', { length: 254 }).primaryKey(),
    name: varchar('name', { length: 200 }).notNull(),
    role: varchar('role', { length: 16 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    uniqueIndex('pending_sign_ups_token').on(t.tokenHash),
    index('pending_sign_ups_expires').on(t.expiresAt),
  ],
);

/**
 * Links emailed to an account: a password reset (30 minutes) or the confirmation of a new email
 * address (24 hours, `new_email`). One per account and purpose: asking again replaces it. Kept
 * as the token's SHA-256 and deleted when used (0007_account_links.sql: byte-for-byte columns).
 */
export const accountLinks = mysqlTable(
  'account_links',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: char('user_id', { length: 36 }).notNull(),
    purpose: varchar('purpose', { length: 16 }).notNull(),
    newEmail: varchar('new_email', { length: 254 }),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    uniqueIndex('account_links_user_purpose').on(t.userId, t.purpose),
    index('account_links_expires').on(t.expiresAt),
  ],
);

/**
 * Ed25519 signing keys. Every key whose `retired_at` is unset or still ahead is published as
 * JWKS; the newest one whose `activates_at` has passed (unset: at once) signs. Rotation adds a
 * key that activates later (so verifiers learn it first) and schedules the old one's retirement
 * for after the last token it signed has expired.
 */
export const signingKeys = mysqlTable('signing_keys', {
  kid: varchar('kid', { length: 64 }).primaryKey(),
  privateJwk: text('private_jwk').notNull(),
  publicJwk: text('public_jwk').notNull(),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  activatesAt: datetime('activates_at', { mode: 'date', fsp: 3 }),
  retiredAt: datetime('retired_at', { mode: 'date', fsp: 3 }),
});

/**
 * Partner API keys. The secret is shown once, at creation; only its SHA-256 (hex, `ascii_bin`:
 * compared byte for byte, `0003_api_keys.sql`) is kept. The id doubles as the session id (`sid`)
 * of the access tokens the key is exchanged for, so revoking the key revokes them everywhere.
 */
export const apiKeys = mysqlTable(
  'api_keys',
  {
    id: char('id', { length: 36 }).primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    /** Comma-separated Scope values, as granted. */
    scopes: varchar('scopes', { length: 128 }).notNull(),
    /** The first characters of the secret (`pgk_` and 8 more), to recognise a key in lists. */
    prefix: varchar('prefix', { length: 16 }).notNull(),
    secretHash: char('secret_hash', { length: 64 }).notNull(),
    createdBy: char('created_by', { length: 36 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
    lastUsedAt: datetime('last_used_at', { mode: 'date', fsp: 3 }),
    revokedAt: datetime('revoked_at', { mode: 'date', fsp: 3 }),
    /**
     * A delegated key's manager (its issuer), whose pools it reads; null for a platform key (an
     * admin's), which reads what partners may see platform-wide.
     */
    delegatedBy: char('delegated_by', { length: 36 }),
    /** A delegated key's pools, comma-separated; null: all of its manager's pools. */
    poolIds: text('pool_ids'),
    /** After this instant the key is refused; null: it works until revoked. */
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }),
    /** The issuer's note about the key (what it is for, who to ask). */
    note: varchar('note', { length: 500 }),
  },
  (t) => [
    uniqueIndex('api_keys_secret_hash').on(t.secretHash),
    index('api_keys_delegated_by').on(t.delegatedBy, t.createdAt),
  ],
);

/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();
