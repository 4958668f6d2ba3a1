import { inArray, sql } from 'drizzle-orm';
import { sqlValues } from '@poolgraph/platform';
import type { AlertsQueryable } from '../db/index.ts';
import { claimDue, heldBy, type Claimed, type Lease } from './claimDue.ts';
import { noticeDeliveries, type NotificationStatus } from '../db/schema.ts';

export interface NoticeDeliveryRow {
  id: string;
  noticeId: string;
  investorId: string;
  channel: 'EMAIL';
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentTo: string | null;
  deliveredAt: Date | null;
}

const columns = {
  id: noticeDeliveries.id,
  noticeId: noticeDeliveries.noticeId,
  investorId: noticeDeliveries.investorId,
  channel: noticeDeliveries.channel,
  status: noticeDeliveries.status,
  attempts: noticeDeliveries.attempts,
  lastError: noticeDeliveries.lastError,
  sentTo: noticeDeliveries.sentTo,
  deliveredAt: noticeDeliveries.deliveredAt,
};

/**
 * insertNoticeDeliveries: PENDING rows, in the notices' transaction. INSERT IGNORE on the
 * (notice, channel) key: a row that exists already is kept as it is.
 */
export async function insertNoticeDeliveries(
  tx: AlertsQueryable,
  rows: ReadonlyArray<{ id: string; noticeId: string; investorId: string; channel: 'EMAIL' }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT IGNORE INTO notice_deliveries (id, notice_id, investor_id, channel, status)
    VALUES ${sqlValues(rows.map((r) => [r.id, r.noticeId, r.investorId, r.channel, 'PENDING']))}`);
}

/** claimDueNoticeDeliveries: the emails due now, claimed and leased (claimDue). */
export const claimDueNoticeDeliveries = (db: AlertsQueryable, lease: Lease) =>
  claimDue(db, noticeDeliveries, columns, lease);

/**
 * recordNoticeAttempt: one attempt's outcome (DELIVERED, PENDING again later, or DEAD), written
 * only while the claim that made the attempt still holds the row (`heldBy`).
 */
export async function recordNoticeAttempt(
  db: AlertsQueryable,
  claimed: Claimed & { id: string },
  outcome: {
    status: NotificationStatus;
    attempts: number;
    lastError: string | null;
    sentTo: string | null;
    nextAttemptAt: Date;
    deliveredAt: Date | null;
  },
): Promise<void> {
  await db.update(noticeDeliveries).set(outcome).where(heldBy(noticeDeliveries, claimed));
}

/** selectNoticeDeliveries: the rows of some notices (the investor's view of what was sent). */
export async function selectNoticeDeliveries(
  db: AlertsQueryable,
  noticeIds: readonly string[],
): Promise<NoticeDeliveryRow[]> {
  if (noticeIds.length === 0) return [];
  return db
    .select(columns)
    .from(noticeDeliveries)
    .where(inArray(noticeDeliveries.noticeId, [...noticeIds]));
}
