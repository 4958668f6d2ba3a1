import { withTraceContext, type OutboxInsert } from '@poolgraph/events';
import type { UsersQueryable } from '../db/index.ts';
import { outbox } from '../db/schema.ts';

/** insertOutboxEvents: events written in the transaction of the change they describe. */
export async function insertOutboxEvents(
  tx: UsersQueryable,
  events: OutboxInsert[],
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insert(outbox)
    .values(events.map((e) => ({ ...e, payload: withTraceContext(e.payload) })));
}
