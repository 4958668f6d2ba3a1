import DataLoader from 'dataloader';
import { hasRole, type Viewer } from '@poolgraph/auth';
import type { AlertsDb } from './db/index.ts';
import { countOpenAlertsByPools, selectAlertsByIds, type AlertRow } from './data/alerts.ts';
import { selectAttempts, type AttemptRow } from './data/deliveryAttempts.ts';

export interface Loaders {
  alertById: DataLoader<string, AlertRow | null>;
  /** OPEN alerts of a pool that this request's viewer may see. */
  openAlertCountByPoolId: DataLoader<string, number>;
  attemptsByNotificationId: DataLoader<string, AttemptRow[]>;
}

/** Per-request loaders: every reference or list child in one operation costs one query. */
export function createLoaders(db: AlertsDb, viewer: Viewer | null): Loaders {
  return {
    alertById: new DataLoader(async (ids) => {
      const rows = await selectAlertsByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    openAlertCountByPoolId: new DataLoader(async (poolIds) => {
      const delegation = viewer?.delegation;
      if (delegation) {
        // A delegated key counts its manager's alerts in the pools it covers; others are 0.
        const covered = poolIds.filter((id) => delegation.poolIds?.includes(id) ?? true);
        const counts = await countOpenAlertsByPools(db, covered, delegation.managerId);
        return poolIds.map((id) => counts.get(id) ?? 0);
      }
      if (!viewer || !hasRole(viewer, 'ADMIN', 'MANAGER')) return poolIds.map(() => 0);
      const managerId = hasRole(viewer, 'ADMIN') ? undefined : viewer.userId;
      const counts = await countOpenAlertsByPools(db, poolIds, managerId);
      return poolIds.map((id) => counts.get(id) ?? 0);
    }),
    attemptsByNotificationId: new DataLoader(async (ids) => {
      const rows = await selectAttempts(db, ids);
      return ids.map((id) => rows.filter((r) => r.notificationId === id));
    }),
  };
}
