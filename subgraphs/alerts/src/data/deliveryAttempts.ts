import { asc, inArray } from 'drizzle-orm';
import type { AlertsQueryable } from '../db/index.ts';
import { deliveryAttempts, notifications, partnerDeliveries } from '../db/schema.ts';
import { heldBy, type Claimed } from './claimDue.ts';
import type { NotificationRow } from './notifications.ts';

export interface AttemptRow {
  notificationId: string;
  attempt: number;
  attemptedAt: Date;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * recordAttempt: one line of the delivery log and the delivery's new state, in one transaction.
 * The log is one table for both kinds of delivery: `notificationId` is an alert notification's
 * id, or a partner webhook delivery's (`partner`). The state is written only while the claim
 * that made the attempt still holds the row (`heldBy`); the log line is written either way.
 */
export async function recordAttempt(
  db: AlertsQueryable,
  attempt: AttemptRow & { id: string },
  next: Pick<NotificationRow, 'status' | 'nextAttemptAt' | 'lastError'> & {
    deliveredAt: Date | null;
  },
  claim: Claimed,
  kind: 'notification' | 'partner' = 'notification',
): Promise<void> {
  const deliveries = kind === 'partner' ? partnerDeliveries : notifications;
  await db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values(attempt);
    await tx
      .update(deliveries)
      .set({ ...next, attempts: attempt.attempt })
      .where(heldBy(deliveries, { id: attempt.notificationId, leasedUntil: claim.leasedUntil }));
  });
}

/** selectAttempts: the delivery log of some notifications, oldest attempt first. */
export async function selectAttempts(
  db: AlertsQueryable,
  notificationIds: readonly string[],
): Promise<AttemptRow[]> {
  if (notificationIds.length === 0) return [];
  return db
    .select({
      notificationId: deliveryAttempts.notificationId,
      attempt: deliveryAttempts.attempt,
      attemptedAt: deliveryAttempts.attemptedAt,
      ok: deliveryAttempts.ok,
      statusCode: deliveryAttempts.statusCode,
      error: deliveryAttempts.error,
      durationMs: deliveryAttempts.durationMs,
    })
    .from(deliveryAttempts)
    .where(inArray(deliveryAttempts.notificationId, [...notificationIds]))
    .orderBy(asc(deliveryAttempts.attemptedAt), asc(deliveryAttempts.attempt));
}
