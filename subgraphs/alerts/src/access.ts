import {
  delegationCovers,
  hasRole,
  isPartner,
  requireRole,
  requireViewer,
  type Viewer,
} from '@poolgraph/auth';
import { forbidden, isUuid, notFound } from '@poolgraph/platform';
import type { Context } from './context.ts';
import type { AlertRow } from './data/alerts.ts';
import { selectPoolFacts, type PoolFactsRow } from './data/poolFacts.ts';

/**
 * An alert is its pool's manager's business (as recorded when it was raised) and admins', and
 * a delegated key's of that manager when it covers the pool.
 */
export const canSeeAlert = (
  viewer: Viewer | null,
  alert: Pick<AlertRow, 'poolId' | 'managerId'>,
): boolean =>
  !!viewer &&
  (hasRole(viewer, 'ADMIN') ||
    viewer.userId === alert.managerId ||
    delegationCovers(viewer, { id: alert.poolId, managerId: alert.managerId }));

/** Whose alerts a reader lists: every manager's (undefined: admins), and which pools (null: all). */
export interface AlertReader {
  viewer: Viewer;
  managerId: string | undefined;
  poolIds: readonly string[] | null;
}

/**
 * Who may read alerts: admins, managers (their pools' alerts) and a manager's delegated keys
 * (that manager's alerts in the pools the key covers; the key's scope was checked for the root
 * field). Investors and platform keys: FORBIDDEN.
 */
export function requireAlertReader(viewer: Viewer | null): AlertReader {
  const caller = requireViewer(viewer);
  const delegation = caller.delegation;
  if (delegation) {
    return { viewer: caller, managerId: delegation.managerId, poolIds: delegation.poolIds };
  }
  if (isPartner(caller)) throw forbidden('Only a manager’s delegated keys can read alerts.');
  requireRole(caller, 'ADMIN', 'MANAGER');
  return {
    viewer: caller,
    managerId: hasRole(caller, 'ADMIN') ? undefined : caller.userId,
    poolIds: null,
  };
}

/**
 * The pool whose alerts the reader asks for: requireManagedPool for people; for a delegated
 * key, a pool it covers, else FORBIDDEN (another manager's pool, or one the key does not list).
 */
export async function requireWatchablePool(
  context: Context,
  reader: AlertReader,
  poolId: string,
): Promise<ManagedPool> {
  if (!reader.viewer.delegation) return requireManagedPool(context, poolId);
  const facts = isUuid(poolId)
    ? ((await selectPoolFacts(context.db, poolId)) ??
      (await context.pools.poolFacts(poolId, context.caller)))
    : null;
  if (!facts || !delegationCovers(reader.viewer, { id: poolId, managerId: facts.managerId })) {
    throw forbidden('This API key does not cover this pool.');
  }
  return facts;
}

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
