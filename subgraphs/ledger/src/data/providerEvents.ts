import { and, eq } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { providerEvents, type PaymentProviderName } from '../db/schema.ts';

export type ProviderEventRow = typeof providerEvents.$inferSelect;

/**
 * insertProviderEvent: stores a verified provider event raw, before anything is done with it,
 * once per (provider, event id). Returns the stored row: the new one, or the earlier delivery's
 * (its processedAt tells whether that one finished).
 */
export async function insertProviderEvent(
  db: LedgerQueryable,
  row: { provider: PaymentProviderName; eventId: string; type: string; payload: string },
): Promise<{ row: ProviderEventRow; duplicate: boolean }> {
  const [result] = await db.insert(providerEvents).ignore().values(row);
  const [stored] = await db
    .select()
    .from(providerEvents)
    .where(and(eq(providerEvents.provider, row.provider), eq(providerEvents.eventId, row.eventId)));
  return { row: stored!, duplicate: result.affectedRows === 0 };
}

/** markProviderEventProcessed: what processing the event did (posted, voided, ignored, refused …). */
export async function markProviderEventProcessed(
  db: LedgerQueryable,
  provider: PaymentProviderName,
  eventId: string,
  outcome: string,
): Promise<void> {
  await db
    .update(providerEvents)
    .set({ processedAt: new Date(), outcome: outcome.slice(0, 255) })
    .where(and(eq(providerEvents.provider, provider), eq(providerEvents.eventId, eventId)));
}
