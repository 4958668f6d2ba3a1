import { withTraceContext, type OutboxInsert } from '@poolgraph/events';
import { insertRows } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';

/**
 * insertOutboxEvents: events written in the transaction of the change they describe. One
 * multi-row INSERT with mysql2's escaping (insertRows), as the ledger writes its outbox: it runs
 * for every ledger event the detector consumes, where drizzle's insert builder cost more CPU
 * than the rest of the consumer.
 */
export async function insertOutboxEvents(
  tx: AlertsQueryable,
  events: OutboxInsert[],
): Promise<void> {
  await insertRows(
    tx,
    'outbox',
    ['id', 'type', 'aggregate_id', 'payload', 'occurred_at'],
    events.map((e) => [
      e.id,
      e.type,
      e.aggregateId,
      JSON.stringify(withTraceContext(e.payload)),
      e.occurredAt,
    ]),
  );
}
