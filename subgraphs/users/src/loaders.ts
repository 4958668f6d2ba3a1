import DataLoader from 'dataloader';
import type { UsersDb } from './db/index.ts';
import { selectUsersByIds, type UserRow } from './data/users.ts';
import { selectPayoutDetailsByUserIds, type PayoutDetailsRow } from './data/payoutDetails.ts';

export interface Loaders {
  userById: DataLoader<string, UserRow | null>;
  payoutDetailsByUserId: DataLoader<string, PayoutDetailsRow | null>;
}

/** Per-request loaders: every User reference in one operation costs one query. */
export function createLoaders(db: UsersDb): Loaders {
  return {
    userById: new DataLoader(async (ids) => {
      const rows = await selectUsersByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    payoutDetailsByUserId: new DataLoader(async (ids) => {
      const rows = await selectPayoutDetailsByUserIds(db, ids);
      const byId = new Map(rows.map((row) => [row.userId, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
