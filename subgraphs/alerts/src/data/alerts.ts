import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AlertsQueryable } from '../db/index.ts';
import { alerts, type AlertKind, type AlertStatus } from '../db/schema.ts';

export type { AlertKind, AlertStatus };

export interface AlertRow {
  id: string;
  poolId: string;
  /** The pool's manager when the alert was raised (see db/schema.ts). */
  managerId: string;
  kind: AlertKind;
  message: string;
  transactionId: string | null;
  observedCount: number | null;
  baselineCount: number | null;
  status: AlertStatus;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export type NewAlert = Omit<AlertRow, 'status' | 'raisedAt' | 'acknowledgedAt' | 'acknowledgedBy'> &
  Partial<Pick<AlertRow, 'status' | 'raisedAt'>>;

const columns = {
  id: alerts.id,
  poolId: alerts.poolId,
  managerId: alerts.managerId,
  kind: alerts.kind,
  message: alerts.message,
  transactionId: alerts.transactionId,
  observedCount: alerts.observedCount,
  baselineCount: alerts.baselineCount,
  status: alerts.status,
  raisedAt: alerts.raisedAt,
  acknowledgedAt: alerts.acknowledgedAt,
  acknowledgedBy: alerts.acknowledgedBy,
};

/** selectAlertsByIds: one query for any number of ids (the Alert loader's batch). */
export async function selectAlertsByIds(
  db: AlertsQueryable,
  ids: readonly string[],
): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(alerts)
    .where(inArray(alerts.id, [...ids]));
}

export interface AlertFilter {
  /** Only alerts of pools this user manages; undefined means every pool (admins). */
  managerId?: string;
  poolId?: string;
  status?: AlertStatus;
  limit: number;
}

/** selectAlerts: newest first (ids are UUIDv7, so they break ties in raising order). */
export async function selectAlerts(db: AlertsQueryable, filter: AlertFilter): Promise<AlertRow[]> {
  const conditions: SQL[] = [];
  if (filter.managerId !== undefined) conditions.push(eq(alerts.managerId, filter.managerId));
  if (filter.poolId !== undefined) conditions.push(eq(alerts.poolId, filter.poolId));
  if (filter.status !== undefined) conditions.push(eq(alerts.status, filter.status));
  return db
    .select(columns)
    .from(alerts)
    .where(and(...conditions))
    .orderBy(desc(alerts.raisedAt), desc(alerts.id))
    .limit(filter.limit);
}

/** insertAlert: persists a raised alert (detection, in the alerts issue, and tests call it). */
export async function insertAlert(db: AlertsQueryable, alert: NewAlert): Promise<void> {
  await db.insert(alerts).values(alert);
}

/**
 * acknowledgeOpenAlert: OPEN → ACKNOWLEDGED in one conditional UPDATE, so two concurrent
 * acknowledgements cannot both succeed. False when the alert was not OPEN (any more).
 */
export async function acknowledgeOpenAlert(
  db: AlertsQueryable,
  id: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const [result] = await db
    .update(alerts)
    .set({ status: 'ACKNOWLEDGED', acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(alerts.id, id), eq(alerts.status, 'OPEN')));
  return result.affectedRows === 1;
}
