import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { forbidden, isUuid, notFound } from '@poolgraph/platform';
import type { Context } from './context.ts';
import type { AlertRow } from './data/alerts.ts';
import { selectPoolFacts, type PoolFactsRow } from './data/poolFacts.ts';

/** An alert is its pool's manager's business (as recorded when it was raised) and admins'. */
export const canSeeAlert = (viewer: Viewer | null, alert: AlertRow): boolean =>
  !!viewer && (hasRole(viewer, 'ADMIN') || viewer.userId === alert.managerId);

export type ManagedPool = Omit<PoolFactsRow, 'revision'>;

/**
 * The pool, when the caller is its manager or an admin: FORBIDDEN for anyone else (investors,
 * other managers), NOT_FOUND for a pool that does not exist. From the local facts (pools
 * events); for a pool whose first event has not arrived yet, pools is asked as the caller
 * (read-your-writes right after createPool).
 */
export async function requireManagedPool(context: Context, poolId: string): Promise<ManagedPool> {
  const viewer = requireRole(context.viewer, 'ADMIN', 'MANAGER');
  if (!isUuid(poolId)) throw notFound('The pool');
  const facts =
    (await selectPoolFacts(context.db, poolId)) ??
    (await context.pools.poolFacts(poolId, context.caller));
  if (!facts) throw notFound('The pool');
  if (!hasRole(viewer, 'ADMIN') && facts.managerId !== viewer.userId) {
    throw forbidden("Only the pool's manager or an admin can do this.");
  }
  return facts;
}
