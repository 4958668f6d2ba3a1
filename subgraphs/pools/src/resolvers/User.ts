import { requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden } from '@poolgraph/platform';
import type { UserResolvers } from '../__generated__/resolvers.ts';
import { isAdmin } from '../access.ts';

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
};
