import DataLoader from 'dataloader';
import type { AlertsDb } from './db/index.ts';
import { selectAlertsByIds, type AlertRow } from './data/alerts.ts';

export interface Loaders {
  alertById: DataLoader<string, AlertRow | null>;
}

/** Per-request loaders: every Alert reference in one operation costs one query. */
export function createLoaders(db: AlertsDb): Loaders {
  return {
    alertById: new DataLoader(async (ids) => {
      const rows = await selectAlertsByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
