import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
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
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

export type NewAlert = Omit<
  AlertRow,
  'status' | 'raisedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolvedBy'
> &
  Partial<Pick<AlertRow, 'status' | 'raisedAt'>> & { sourceEventId?: string | null };

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
  resolvedAt: alerts.resolvedAt,
  resolvedBy: alerts.resolvedBy,
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
  /** Only alerts of these pools (a delegated key's list). */
  poolIds?: readonly string[];
  status?: AlertStatus;
  /** Continue after this alert (newest-first order). */
  after?: { raisedAt: Date; id: string };
  limit: number;
}

/** selectAlerts: newest first (ids are UUIDv7, so they break ties in raising order). */
export async function selectAlerts(db: AlertsQueryable, filter: AlertFilter): Promise<AlertRow[]> {
  const conditions: SQL[] = [];
  if (filter.managerId !== undefined) conditions.push(eq(alerts.managerId, filter.managerId));
  if (filter.poolId !== undefined) conditions.push(eq(alerts.poolId, filter.poolId));
  if (filter.poolIds !== undefined) conditions.push(inArray(alerts.poolId, [...filter.poolIds]));
  if (filter.status !== undefined) conditions.push(eq(alerts.status, filter.status));
  if (filter.after) {
    const { raisedAt, id } = filter.after;
    conditions.push(
      or(lt(alerts.raisedAt, raisedAt), and(eq(alerts.raisedAt, raisedAt), lt(alerts.id, id)))!,
    );
  }
  return db
    .select(columns)
    .from(alerts)
    .where(and(...conditions))
    .orderBy(desc(alerts.raisedAt), desc(alerts.id))
    .limit(filter.limit);
}

/** insertAlerts: persists raised alerts, one statement (detection and tests call it). */
export async function insertAlerts(db: AlertsQueryable, rows: NewAlert[]): Promise<void> {
  if (rows.length) await db.insert(alerts).values(rows);
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

/**
 * resolveAlert: OPEN or ACKNOWLEDGED → RESOLVED in one conditional UPDATE. `by` is null when
 * the detector resolves it. False when it was already RESOLVED.
 */
export async function resolveUnresolvedAlert(
  db: AlertsQueryable,
  id: string,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const [result] = await db
    .update(alerts)
    .set({ status: 'RESOLVED', resolvedAt: at, resolvedBy: by })
    .where(and(eq(alerts.id, id), inArray(alerts.status, ['OPEN', 'ACKNOWLEDGED'])));
  return result.affectedRows === 1;
}

/** resolvePoolSpikeAlerts: the detector saw the rate fall back; closes the pool's spike alerts. */
export async function resolvePoolSpikeAlerts(
  db: AlertsQueryable,
  poolId: string,
  at: Date,
): Promise<number> {
  const [result] = await db
    .update(alerts)
    .set({ status: 'RESOLVED', resolvedAt: at, resolvedBy: null })
    .where(
      and(
        eq(alerts.poolId, poolId),
        eq(alerts.kind, 'TRANSACTION_SPIKE'),
        inArray(alerts.status, ['OPEN', 'ACKNOWLEDGED']),
      ),
    );
  return result.affectedRows;
}

/**
 * countOpenAlertsByPools: OPEN alerts per pool, for the ids given; only those managed by
 * `managerId` when set (what the caller may see).
 */
export async function countOpenAlertsByPools(
  db: AlertsQueryable,
  poolIds: readonly string[],
  managerId: string | undefined,
): Promise<Map<string, number>> {
  if (poolIds.length === 0) return new Map();
  const rows = await db
    .select({ poolId: alerts.poolId, open: count() })
    .from(alerts)
    .where(
      and(
        inArray(alerts.poolId, [...poolIds]),
        eq(alerts.status, 'OPEN'),
        managerId === undefined ? undefined : eq(alerts.managerId, managerId),
      ),
    )
    .groupBy(alerts.poolId);
  return new Map(rows.map((r) => [r.poolId, Number(r.open)]));
}

/** countAlertsBySource: how many alerts an event raised (tests and the bench check exactly-once). */
export async function countAlerts(db: AlertsQueryable, poolId?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(alerts)
    .where(poolId ? eq(alerts.poolId, poolId) : sql`TRUE`);
  return Number(row?.n ?? 0);
}
