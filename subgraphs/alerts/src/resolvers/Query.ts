import { hasRole, requireRole } from '@poolgraph/auth';
import { badUserInput, isUuid } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { selectAlerts } from '../data/alerts.ts';

export const DEFAULT_ALERTS_LIMIT = 100;
export const MAX_ALERTS_LIMIT = 500;

export const Query: QueryResolvers = {
  alerts: async (_parent, { poolId, status, limit }, { viewer, db, loaders }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    const count = limit ?? DEFAULT_ALERTS_LIMIT;
    if (count < 1 || count > MAX_ALERTS_LIMIT) {
      throw badUserInput('limit', `must be between 1 and ${MAX_ALERTS_LIMIT}, got ${count}.`);
    }
    // A malformed pool id names no pool, so it has no alerts (and must not reach SQL as such).
    if (poolId != null && !isUuid(poolId)) return [];
    const rows = await selectAlerts(db, {
      managerId: hasRole(caller, 'ADMIN') ? undefined : caller.userId,
      poolId: poolId ?? undefined,
      status: status ?? undefined,
      limit: count,
    });
    for (const row of rows) loaders.alertById.prime(row.id, row);
    return rows;
  },
};
