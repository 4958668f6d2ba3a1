import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  datetime,
  index,
  int,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { outboxTable } from '@poolgraph/events';
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
    /**
     * The user's own setting: payouts and API keys need a fresh second factor even before one is
     * enrolled (so they must enrol first). Enrolled accounts need it anyway.
     */
    requireSecondFactor: boolean('require_second_factor').notNull().default(false),
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
    /**
     * When the session last proved a second factor (login with a code, step-up); carried from
     * token to token on rotation so a refreshed access token keeps its `mfa_at` claim.
     */
    secondFactorAt: datetime('second_factor_at', { mode: 'date', fsp: 3 }),
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
    // An admin's apiKeysConnection: every key newest first, a page at a time.
    index('api_keys_created').on(t.createdAt, t.id),
  ],
);

/**
 * A user's TOTP (RFC 6238) authenticator. `secret` is sealed (`@poolgraph/platform`
 * sealedSecrets, AAD `user_totp:<user_id>`, listed in data/sealedColumns.ts). A row without
 * `enabled_at` is an enrolment not yet confirmed with a first code; starting again replaces it.
 * `last_step` is the last 30-second step a code was accepted for: no code of that step or an
 * earlier one is accepted again, so an observed code cannot be replayed.
 */
export const userTotp = mysqlTable('user_totp', {
  userId: char('user_id', { length: 36 }).primaryKey(),
  secret: text('secret').notNull(),
  enabledAt: datetime('enabled_at', { mode: 'date', fsp: 3 }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
});

/**
 * Single-use recovery codes, shown once when TOTP is turned on. Kept as HMAC-SHA-256 of the code
 * keyed by the user id (0008_second_factor.sql: byte-for-byte column); `used_at` once spent.
 */
export const recoveryCodes = mysqlTable(
  'recovery_codes',
  {
    userId: char('user_id', { length: 36 }).notNull(),
    codeHash: char('code_hash', { length: 64 }).notNull(),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * The second step of a login with a second factor: the password was right, a code is awaited.
 * The opaque challenge is kept as its SHA-256, works once and for 5 minutes; `failures` counts
 * wrong codes (the challenge is dropped past a few).
 */
export const loginChallenges = mysqlTable(
  'login_challenges',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: char('user_id', { length: 36 }).notNull(),
    failures: int('failures').notNull().default(0),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(now),
  },
  (t) => [
    index('login_challenges_user').on(t.userId),
    index('login_challenges_expires').on(t.expiresAt),
  ],
);

/**
 * Where a user's payouts are paid: the bank account, sealed as one JSON value (holder, IBAN, BIC;
 * AAD `payout_details:<user_id>`). Only the IBAN's last four characters are kept in the
 * clear, for the masked display.
 */
export const payoutDetails = mysqlTable('payout_details', {
  userId: char('user_id', { length: 36 }).primaryKey(),
  details: text('details').notNull(),
  ibanLast4: varchar('iban_last4', { length: 4 }).notNull(),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(now),
});

/** Every mutation this subgraph served (`@poolgraph/platform`'s audit log). */
export const auditLog = auditLogTable();

/**
 * The users subgraph's events: UserContactChanged (an account's address, for services that write
 * to its owner) and ApiKeyChanged (a key issued or revoked: which keys see which pools, for
 * partner webhooks), written in the transaction of the change; the relay publishes them to
 * `<prefix>users.events` (README, "Events").
 */
export const outbox = outboxTable();
