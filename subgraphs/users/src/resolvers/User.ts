import { forbidden, isUuid } from '@poolgraph/platform';
import { hasRole, requireViewer, type Viewer } from '@poolgraph/auth';
import type { UserResolvers } from '../__generated__/resolvers.ts';
import type { UserRow } from '../data/users.ts';

const isSelfOrAdmin = (viewer: Viewer, user: UserRow) =>
  viewer.userId === user.id || hasRole(viewer, 'ADMIN');

/**
 * Field rules: anonymous callers see nothing; any signed-in caller sees id, name, roles and
 * createdAt (a pool's manager, a fellow member); email only the user and admins (phone: null for
 * others); externalId admins.
 */
export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) =>
    isUuid(reference.id) ? loaders.userById.load(reference.id) : null,
  name: (user, _args, { viewer }) => {
    requireViewer(viewer);
    return user.name;
  },
  roles: (user, _args, { viewer }) => {
    requireViewer(viewer);
    return user.roles;
  },
  createdAt: (user, _args, { viewer }) => {
    requireViewer(viewer);
    return user.createdAt;
  },
  email: (user, _args, { viewer }) => {
    if (!isSelfOrAdmin(requireViewer(viewer), user)) {
      throw forbidden("Only the user and admins can read a user's email.");
    }
    return user.email;
  },
  phone: (user, _args, { viewer }) =>
    isSelfOrAdmin(requireViewer(viewer), user) ? user.phone : null,
  secondFactor: (user, _args, { viewer, secondFactor }) =>
    isSelfOrAdmin(requireViewer(viewer), user) ? secondFactor.status(user) : null,
  payoutDetails: async (user, _args, { viewer, loaders, payoutDetails }) => {
    const known = requireViewer(viewer);
    if (!isSelfOrAdmin(known, user)) return null;
    const row = await loaders.payoutDetailsByUserId.load(user.id);
    return row ? payoutDetails.view(known, row) : null;
  },
  externalId: (user, _args, { viewer }) =>
    hasRole(requireViewer(viewer), 'ADMIN') ? user.externalId : null,
};
