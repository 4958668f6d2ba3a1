import { isObject, parseDomainEvent, type DomainEvent } from './events.ts';

/**
 * The users subgraph's events (stream `<prefix>users.events`, aggregate = user), written to its
 * outbox in the transaction that changed the account.
 *
 * `UserContactChanged` is where an account's email address now is: written when an account is
 * created (sign-up, `admin:create`) and when its owner changes the address. A snapshot, not a
 * delta: a consumer keeps the newest by `occurredAt` (then event id), so redelivered or reordered
 * events change nothing. Accounts created by an import have no real address and none is sent.
 */
export interface UserContactChangedPayload {
  userId: string;
  /** The login address as stored (NFKC, lower case). */
  email: string;
}

export type UserContactChangedEvent = DomainEvent<'UserContactChanged', UserContactChangedPayload>;

export const USER_CONTACT_CHANGED = 'UserContactChanged';

export const usersEventsStream = (prefix: string): string => `${prefix}users.events`;

/** Parses a users event: a UserContactChanged, or null for a type this contract does not know. */
export function parseUserEvent(raw: unknown): UserContactChangedEvent | null {
  const event = parseDomainEvent(raw);
  if (event.type !== USER_CONTACT_CHANGED) return null;
  const p = event.payload;
  if (!isObject(p) || typeof p.userId !== 'string' || typeof p.email !== 'string') {
    throw new TypeError(`event ${event.id} is not a valid UserContactChanged event`);
  }
  return event as UserContactChangedEvent;
}
