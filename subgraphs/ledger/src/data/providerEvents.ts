import { isDuplicateKey, sqlFormat, tableRows } from '@poolgraph/platform';
import type { LedgerQueryable } from '../db/index.ts';
import { providerEvents, type PaymentProviderName } from '../db/schema.ts';

export type ProviderEventRow = typeof providerEvents.$inferSelect;

const providerEventRows = tableRows(providerEvents);

/**
 * insertProviderEvent: stores a verified provider event raw, before anything is done with it,
 * once per (provider, event id). Returns null when this delivery stored it (nothing is read
 * back), else the earlier delivery's row (its processedAt tells whether that one finished).
 */
export async function insertProviderEvent(
  db: LedgerQueryable,
  row: { provider: PaymentProviderName; eventId: string; type: string; payload: string },
): Promise<ProviderEventRow | null> {
  try {
    await db.execute(
      sqlFormat('INSERT INTO provider_events (provider, event_id, type, payload) VALUES (?)', [
        [row.provider, row.eventId, row.type, row.payload],
      ]),
    );
    return null;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const [earlier] = await providerEventRows.select(db, 'WHERE provider = ? AND event_id = ?', [
      row.provider,
      row.eventId,
    ]);
    if (!earlier) throw error;
    return earlier;
  }
}

/** markProviderEventProcessed: what processing the event did (posted, voided, ignored, refused …). */
export async function markProviderEventProcessed(
  db: LedgerQueryable,
  provider: PaymentProviderName,
  eventId: string,
  outcome: string,
): Promise<void> {
  await db.execute(
    sqlFormat(
      'UPDATE provider_events SET processed_at = ?, outcome = ? WHERE provider = ? AND event_id = ?',
      [new Date(), outcome.slice(0, 255), provider, eventId],
    ),
  );
}
