import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AlertsQueryable } from '../db/index.ts';
import { claimDue, type Lease } from './claimDue.ts';
import {
  notifications,
  type NotificationChannelKind,
  type NotificationStatus,
} from '../db/schema.ts';

export interface NotificationRow {
  id: string;
  alertId: string;
  managerId: string;
  channel: NotificationChannelKind;
  channelId: string | null;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

const columns = {
  id: notifications.id,
  alertId: notifications.alertId,
  managerId: notifications.managerId,
  channel: notifications.channel,
  channelId: notifications.channelId,
  status: notifications.status,
  attempts: notifications.attempts,
  nextAttemptAt: notifications.nextAttemptAt,
  lastError: notifications.lastError,
  createdAt: notifications.createdAt,
  deliveredAt: notifications.deliveredAt,
  readAt: notifications.readAt,
};

export type NewNotification = Pick<
  NotificationRow,
  'id' | 'alertId' | 'managerId' | 'channel' | 'channelId' | 'status'
> & { deliveredAt?: Date | null };

/** insertNotifications: the outbox rows of one alert, in the transaction that raises it. */
export async function insertNotifications(
  db: AlertsQueryable,
  rows: NewNotification[],
): Promise<void> {
  if (rows.length) await db.insert(notifications).values(rows);
}

export interface NotificationFilter {
  managerId: string;
  inApp: boolean;
  status?: NotificationStatus;
  unreadOnly?: boolean;
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** selectNotifications: a manager's inbox (IN_APP) or delivery log (the others), newest first. */
export async function selectNotifications(
  db: AlertsQueryable,
  f: NotificationFilter,
): Promise<NotificationRow[]> {
  const conditions: SQL[] = [eq(notifications.managerId, f.managerId)];
  conditions.push(
    f.inApp
      ? eq(notifications.channel, 'IN_APP')
      : inArray(notifications.channel, ['WEBHOOK', 'EMAIL']),
  );
  if (f.status) conditions.push(eq(notifications.status, f.status));
  if (f.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (f.after) {
    const { createdAt, id } = f.after;
    conditions.push(
      or(
        lt(notifications.createdAt, createdAt),
        and(eq(notifications.createdAt, createdAt), lt(notifications.id, id)),
      )!,
    );
  }
  return db
    .select(columns)
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit);
}

export async function selectNotificationsByIds(
  db: AlertsQueryable,
  ids: readonly string[],
): Promise<NotificationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(notifications)
    .where(inArray(notifications.id, [...ids]));
}

/** claimDueNotifications: the webhook/email rows due now, claimed and leased (claimDue). */
export const claimDueNotifications = (db: AlertsQueryable, lease: Lease) =>
  claimDue(db, notifications, columns, lease);

/**
 * requeueNotification: a DEAD (or PENDING) webhook/email row back to PENDING, due now, with a
 * fresh count (the log keeps the old attempts). False for the wrong owner or a delivered row.
 */
export async function requeueNotification(
  db: AlertsQueryable,
  id: string,
  managerId: string | undefined,
  now: Date,
): Promise<boolean> {
  const [result] = await db
    .update(notifications)
    .set({ status: 'PENDING', attempts: 0, nextAttemptAt: now })
    .where(
      and(
        eq(notifications.id, id),
        inArray(notifications.status, ['DEAD', 'PENDING']),
        inArray(notifications.channel, ['WEBHOOK', 'EMAIL']),
        managerId === undefined ? undefined : eq(notifications.managerId, managerId),
      ),
    );
  return result.affectedRows === 1;
}

/** killChannelNotifications: a removed channel's pending rows become dead letters. */
export async function killChannelNotifications(
  db: AlertsQueryable,
  channelId: string,
): Promise<void> {
  await db
    .update(notifications)
    .set({ status: 'DEAD', lastError: 'the channel was removed' })
    .where(and(eq(notifications.channelId, channelId), eq(notifications.status, 'PENDING')));
}

/** markRead: the caller's own in-app notifications; how many changed. */
export async function markRead(
  db: AlertsQueryable,
  ids: readonly string[],
  managerId: string,
  at: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const [result] = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        inArray(notifications.id, [...ids]),
        eq(notifications.managerId, managerId),
        eq(notifications.channel, 'IN_APP'),
        isNull(notifications.readAt),
      ),
    );
  return result.affectedRows;
}

/**
 * countUndeliveredNotifications: webhook/email rows still PENDING and those given up on (DEAD),
 * for the metrics scrape (a range on the `notifications_due` index, never the delivered rows).
 */
export async function countUndeliveredNotifications(
  db: AlertsQueryable,
): Promise<{ pending: number; dead: number }> {
  const rows = await db
    .select({ status: notifications.status, count: sql<number>`COUNT(*)` })
    .from(notifications)
    .where(inArray(notifications.status, ['PENDING', 'DEAD']))
    .groupBy(notifications.status);
  const countOf = (status: NotificationStatus) =>
    Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { pending: countOf('PENDING'), dead: countOf('DEAD') };
}
