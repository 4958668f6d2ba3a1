import { insertRows, type SqlExecutor } from '@poolgraph/platform';
import type { OutboxInsert } from './tables.ts';
import { withTraceContext } from './trace.ts';

/**
 * insertOutboxEvents: events written in the transaction of the change they describe, with the
 * caller's trace context. One multi-row INSERT with mysql2's escaping (insertRows): it runs on
 * every posting and for every ledger event a consumer applies, where drizzle's insert builder
 * cost more CPU than the rest of the consumer.
 */
export async function insertOutboxEvents(
  tx: SqlExecutor,
  events: readonly OutboxInsert[],
  table = 'outbox',
): Promise<void> {
  await insertRows(
    tx,
    table,
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
