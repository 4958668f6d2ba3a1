import { delegationCovers, hasRole, isDelegated, type Viewer } from '@poolgraph/auth';
import type { Context } from './context.ts';
import type { MembershipRow } from './data/memberships.ts';
import type { PoolRow } from './data/pools.ts';

/**
 * Who sees what (README, "Visibility"): admins everything; a manager their own pools fully; a
 * member their pool and their own membership; any signed-in user (partner keys included) the
 * OPEN LISTED pools, and an investor the DRAFT or OPEN pools of their live invitations, without
 * members. data/pools.ts selectPoolsVisibleTo is the same rule in SQL, for lists.
 *
 * A delegated partner key (a manager's, `viewer.delegation`) sees the pools it covers as their
 * manager does, and nothing else: not even OPEN listed pools, so no path (a root field, a
 * nested field, an entity reference) shows it another manager's pool or its members. Every
 * pool-scoped field of this subgraph goes through these rules.
 */
export const isAdmin = (viewer: Viewer | null): boolean => hasRole(viewer, 'ADMIN');

export const managesPool = (viewer: Viewer | null, pool: PoolRow): boolean =>
  !!viewer && viewer.userId === pool.managerId;

/** Admins and the pool's manager see every member, call item and amount of the pool. */
export const seesPoolFully = (viewer: Viewer | null, pool: PoolRow): boolean =>
  isAdmin(viewer) || managesPool(viewer, pool) || delegationCovers(viewer, pool);

/** The caller's own membership of a pool (batched through the loader), or null. */
export async function ownMembership(
  context: Context,
  poolId: string,
): Promise<MembershipRow | null> {
  const { viewer, loaders } = context;
  if (!viewer) return null;
  return loaders.membershipByKey.load({ poolId, investorId: viewer.userId });
}

/** Whether the caller holds a live (pending, unexpired, unused-up) invitation to the pool. */
export async function isInvited(context: Context, poolId: string): Promise<boolean> {
  const { viewer, loaders } = context;
  if (!viewer) return false;
  return loaders.invitedByKey.load({ poolId, investorId: viewer.userId });
}

export async function canSeePool(context: Context, pool: PoolRow): Promise<boolean> {
  if (!context.viewer) return false;
  if (isDelegated(context.viewer)) return delegationCovers(context.viewer, pool);
  if (seesPoolFully(context.viewer, pool)) return true;
  if (pool.status === 'OPEN' && pool.visibility === 'LISTED') return true;
  if ((await ownMembership(context, pool.id)) !== null) return true;
  return (pool.status === 'DRAFT' || pool.status === 'OPEN') && isInvited(context, pool.id);
}

/** The pool when it exists and the caller may see it; null otherwise (never tells which). */
export async function visiblePool(context: Context, poolId: string): Promise<PoolRow | null> {
  const pool = await context.loaders.poolById.load(poolId);
  return pool && (await canSeePool(context, pool)) ? pool : null;
}

/** A membership is visible to its investor, the pool's manager, admins and the pool's keys. */
export async function canSeeMembership(
  context: Context,
  membership: MembershipRow,
): Promise<boolean> {
  const { viewer, loaders } = context;
  if (!viewer) return false;
  const pool = await loaders.poolById.load(membership.poolId);
  if (isDelegated(viewer)) return !!pool && delegationCovers(viewer, pool);
  if (viewer.userId === membership.investorId || isAdmin(viewer)) return true;
  return !!pool && managesPool(viewer, pool);
}
