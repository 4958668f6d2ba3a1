import { isObject, parseDomainEvent, type DomainEvent } from './events.ts';

/**
 * The users subgraph's events (stream `<prefix>users.events`), written to its outbox in the
 * transaction that made the change. Each is a snapshot, not a delta, so a consumer that keeps the
 * newest (or, for a key, the first revocation) is unmoved by redelivered or reordered events.
 * One stream, so one consumer group per service reads both kinds: two consumers in one group
 * would split the entries between them.
 *
 * `UserContactChanged` (aggregate = user) is where an account's email address now is: written
 * when an account is created (sign-up, `admin:create`) and when its owner changes the address.
 * Accounts created by an import have no real address and none is sent.
 *
 * `ApiKeyChanged` (aggregate = key) is what other services may rely on about a partner key: whose
 * pools it reads, with which scopes, until when. A key changes only one way (working → revoked).
 * Never the secret or its hash.
 */
export interface UserContactChangedPayload {
  userId: string;
  /** The login address as stored (NFKC, lower case). */
  email: string;
}

export interface ApiKeyChangedPayload {
  keyId: string;
  kind: 'PLATFORM' | 'DELEGATED';
  /** The manager a DELEGATED key reads for (its issuer); null for a PLATFORM key. */
  managerId: string | null;
  /** The pools a DELEGATED key is limited to; null: all of its manager's (or a PLATFORM key). */
  poolIds: string[] | null;
  scopes: string[];
  /** ISO 8601; null: until revoked. */
  expiresAt: string | null;
  /** ISO 8601; null while the key works. */
  revokedAt: string | null;
}

export type UserContactChangedEvent = DomainEvent<'UserContactChanged', UserContactChangedPayload>;
export type ApiKeyChangedEvent = DomainEvent<'ApiKeyChanged', ApiKeyChangedPayload>;
export type UserEvent = UserContactChangedEvent | ApiKeyChangedEvent;

export const USER_CONTACT_CHANGED = 'UserContactChanged';
export const API_KEY_CHANGED = 'ApiKeyChanged';

export const usersEventsStream = (prefix: string): string => `${prefix}users.events`;

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
const isTimeOrNull = (value: unknown) =>
  value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));

const isContact = (p: unknown) =>
  isObject(p) && typeof p.userId === 'string' && typeof p.email === 'string';

const isKey = (p: unknown) =>
  isObject(p) &&
  typeof p.keyId === 'string' &&
  (p.kind === 'PLATFORM' || p.kind === 'DELEGATED') &&
  (p.managerId === null || typeof p.managerId === 'string') &&
  (p.poolIds === null || isIdList(p.poolIds)) &&
  isIdList(p.scopes) &&
  isTimeOrNull(p.expiresAt) &&
  isTimeOrNull(p.revokedAt);

/** Parses a users event: null for a type this contract does not know; a malformed one throws. */
export function parseUserEvent(raw: unknown): UserEvent | null {
  const event = parseDomainEvent(raw);
  const valid =
    event.type === USER_CONTACT_CHANGED
      ? isContact(event.payload)
      : event.type === API_KEY_CHANGED
        ? isKey(event.payload)
        : null;
  if (valid === null) return null;
  if (!valid) throw new TypeError(`event ${event.id} is not a valid ${event.type} event`);
  return event as UserEvent;
}
