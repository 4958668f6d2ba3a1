import { USER_CONTACT_CHANGED, withTraceContext } from '@poolgraph/events';
import { uuidv7 } from '@poolgraph/platform';
import type { UsersQueryable } from '../db/index.ts';
import { outbox } from '../db/schema.ts';

/**
 * insertContactChanged: the account's address as it now is, as a UserContactChanged event, in
 * the transaction that created the account or changed its address.
 */
export async function insertContactChanged(
  tx: UsersQueryable,
  user: { id: string; email: string },
): Promise<void> {
  await tx.insert(outbox).values({
    id: uuidv7(),
    type: USER_CONTACT_CHANGED,
    aggregateId: user.id,
    payload: withTraceContext({ userId: user.id, email: user.email }),
    occurredAt: new Date(),
  });
}
