import { and, desc, eq, getTableColumns, gte, lt, or, type SQL } from 'drizzle-orm';
import type { AlertsQueryable } from '../db/index.ts';
import { claimDue, type Lease } from './claimDue.ts';
import { partnerDeliveries, type PartnerDeliveryStatus } from '../db/schema.ts';

export type PartnerDeliveryRow = typeof partnerDeliveries.$inferSelect;
export type NewPartnerDelivery = Pick<
  PartnerDeliveryRow,
  'id' | 'webhookId' | 'keyId' | 'eventId' | 'eventType' | 'poolId' | 'payload' | 'occurredAt'
>;

/**
 * insertPartnerDeliveries: the outbox rows of some events, in the transaction that consumed them.
 * INSERT IGNORE on (event_id, webhook_id): an event delivered again by the stream adds nothing.
 */
export async function insertPartnerDeliveries(
  db: AlertsQueryable,
  rows: readonly NewPartnerDelivery[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(partnerDeliveries)
    .ignore()
    .values(rows.map((row) => ({ ...row, status: 'PENDING' as const })));
}

/** claimDuePartnerDeliveries: the deliveries due now, claimed and leased (claimDue). */
export const claimDuePartnerDeliveries = (db: AlertsQueryable, lease: Lease) =>
  claimDue(db, partnerDeliveries, getTableColumns(partnerDeliveries), lease);

export interface PartnerDeliveryFilter {
  webhookId: string;
  status?: PartnerDeliveryStatus;
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** selectPartnerDeliveries: a webhook's deliveries, newest first. */
export async function selectPartnerDeliveries(
  db: AlertsQueryable,
  f: PartnerDeliveryFilter,
): Promise<PartnerDeliveryRow[]> {
  const conditions: SQL[] = [eq(partnerDeliveries.webhookId, f.webhookId)];
  if (f.status) conditions.push(eq(partnerDeliveries.status, f.status));
  if (f.after) {
    const { createdAt, id } = f.after;
    conditions.push(
      or(
        lt(partnerDeliveries.createdAt, createdAt),
        and(eq(partnerDeliveries.createdAt, createdAt), lt(partnerDeliveries.id, id)),
      )!,
    );
  }
  return db
    .select()
    .from(partnerDeliveries)
    .where(and(...conditions))
    .orderBy(desc(partnerDeliveries.createdAt), desc(partnerDeliveries.id))
    .limit(f.limit);
}

export async function selectPartnerDeliveryById(
  db: AlertsQueryable,
  id: string,
): Promise<PartnerDeliveryRow | undefined> {
  const [row] = await db.select().from(partnerDeliveries).where(eq(partnerDeliveries.id, id));
  return row;
}

/**
 * requeuePartnerDeliveries: one delivery (`id`) or every one of the webhook since `since`, in any
 * state, back to PENDING, due now, with a fresh count (the log keeps the old attempts). How many.
 */
export async function requeuePartnerDeliveries(
  db: AlertsQueryable,
  webhookId: string,
  which: { id: string } | { since: Date },
  now: Date,
): Promise<number> {
  const [result] = await db
    .update(partnerDeliveries)
    .set({ status: 'PENDING', attempts: 0, nextAttemptAt: now, deliveredAt: null })
    .where(
      and(
        eq(partnerDeliveries.webhookId, webhookId),
        'id' in which
          ? eq(partnerDeliveries.id, which.id)
          : gte(partnerDeliveries.createdAt, which.since),
      ),
    );
  return result.affectedRows;
}

/** killPartnerDeliveries: a removed webhook's pending rows become dead letters, with the reason. */
export async function killPartnerDeliveries(
  db: AlertsQueryable,
  webhookId: string,
  reason: string,
): Promise<void> {
  await db
    .update(partnerDeliveries)
    .set({ status: 'DEAD', lastError: reason })
    .where(
      and(eq(partnerDeliveries.webhookId, webhookId), eq(partnerDeliveries.status, 'PENDING')),
    );
}
