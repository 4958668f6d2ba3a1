import { requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden, pageOfList, pageRequest } from '@poolgraph/platform';
import type { UserResolvers } from '../__generated__/resolvers.ts';
import { isAdmin } from '../access.ts';
import { MEMBER_PAGE } from './Pool.ts';
import { POOL_PAGE } from './Query.ts';

/**
 * Another user's pools are theirs to list: a FORBIDDEN error, rather than an empty list, so a
 * client never mistakes "not allowed" for "has none".
 */
function requireSelfOrAdmin(viewer: Viewer | null, userId: string, what: string): void {
  const known = requireViewer(viewer);
  if (known.userId !== userId && !isAdmin(known)) {
    throw forbidden(`Only the user themself and admins can read a user's ${what}.`);
  }
}

/** Each field has cursors of its own kind, so one field's cursor is refused by another. */
const MANAGED_POOL_PAGE = { ...POOL_PAGE, kind: 'managedPool' };
const MEMBERSHIP_PAGE = { ...MEMBER_PAGE, kind: 'membership' };

export const User: UserResolvers = {
  // users owns the entity; pools only needs the id to contribute its fields.
  __resolveReference: (reference) => ({ id: reference.id }),
  managedPools: (user, _args, { viewer, loaders }) => {
    requireSelfOrAdmin(viewer, user.id, 'managed pools');
    return loaders.poolsByManagerId.load(user.id);
  },
  memberships: (user, _args, { viewer, loaders }) => {
    requireSelfOrAdmin(viewer, user.id, 'memberships');
    return loaders.membershipsByInvestorId.load(user.id);
  },
  // Both read the user's whole list through its batched loader (newest first) and cut the page.
  managedPoolsConnection: async (user, args, { viewer, loaders }) => {
    requireSelfOrAdmin(viewer, user.id, 'managed pools');
    const request = pageRequest(args, MANAGED_POOL_PAGE);
    const rows = await loaders.poolsByManagerId.load(user.id);
    return pageOfList(rows, request, MANAGED_POOL_PAGE, (pool, id) => pool.id < id);
  },
  membershipsConnection: async (user, args, { viewer, loaders }) => {
    requireSelfOrAdmin(viewer, user.id, 'memberships');
    const request = pageRequest(args, MEMBERSHIP_PAGE);
    const rows = await loaders.membershipsByInvestorId.load(user.id);
    return pageOfList(rows, request, MEMBERSHIP_PAGE, (m, key) => {
      const at = m.joinedAt.getTime();
      return at < key.at || (at === key.at && m.id < key.id);
    });
  },
};
