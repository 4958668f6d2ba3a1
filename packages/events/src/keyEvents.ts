import { isObject, parseDomainEvent, type DomainEvent } from './events.ts';

/**
 * The users subgraph's events about partner API keys (stream `<prefix>users.events`, aggregate =
 * key). Each is a snapshot of what other services may rely on about a key: whose pools it reads,
 * with which scopes, until when. A key changes only one way (working → revoked), so a consumer
 * keeps the first revocation it hears of and redelivered or reordered events change nothing.
 * Never the secret or its hash.
 */
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

export type ApiKeyChangedEvent = DomainEvent<'ApiKeyChanged', ApiKeyChangedPayload>;

export const usersEventsStream = (prefix: string): string => `${prefix}users.events`;

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
const isTimeOrNull = (value: unknown) =>
  value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));

/** An ApiKeyChanged event, or null for any other type; a malformed one throws (dropped). */
export function parseApiKeyChanged(raw: unknown): ApiKeyChangedEvent | null {
  const event = parseDomainEvent(raw);
  if (event.type !== 'ApiKeyChanged') return null;
  const p = event.payload;
  if (
    !isObject(p) ||
    typeof p.keyId !== 'string' ||
    (p.kind !== 'PLATFORM' && p.kind !== 'DELEGATED') ||
    (p.managerId !== null && typeof p.managerId !== 'string') ||
    (p.poolIds !== null && !isIdList(p.poolIds)) ||
    !isIdList(p.scopes) ||
    !isTimeOrNull(p.expiresAt) ||
    !isTimeOrNull(p.revokedAt)
  ) {
    throw new TypeError('not an ApiKeyChanged event');
  }
  return event as ApiKeyChangedEvent;
}
