import {
  API_KEY_CHANGED,
  insertOutboxEvents,
  USER_CONTACT_CHANGED,
  type ApiKeyChangedPayload,
  type UserContactChangedPayload,
} from '@poolgraph/events';
import { uuidv7 } from '@poolgraph/platform';
import type { UsersQueryable } from '../db/index.ts';

/** insertOutboxEvent: one event, written in the transaction of the change it describes. */
async function insertOutboxEvent(
  tx: UsersQueryable,
  type: string,
  aggregateId: string,
  payload: object,
): Promise<void> {
  await insertOutboxEvents(tx, [
    { id: uuidv7(), type, aggregateId, payload, occurredAt: new Date() },
  ]);
}

/**
 * insertContactChanged: the account's address as it now is, as a UserContactChanged event, in
 * the transaction that created the account or changed its address.
 */
export const insertContactChanged = (tx: UsersQueryable, user: { id: string; email: string }) =>
  insertOutboxEvent(tx, USER_CONTACT_CHANGED, user.id, {
    userId: user.id,
    email: user.email,
  } satisfies UserContactChangedPayload);

/** insertKeyChanged: a key as it now stands, in the transaction that issued or revoked it. */
export const insertKeyChanged = (tx: UsersQueryable, key: ApiKeyChangedPayload) =>
  insertOutboxEvent(tx, API_KEY_CHANGED, key.keyId, key);
