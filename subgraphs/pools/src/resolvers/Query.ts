import { requireViewer } from '@poolgraph/auth';
import { isUuid } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { canSeeMembership, isAdmin, visiblePool } from '../access.ts';
import { selectAllPools, selectPoolsDelegatedTo, selectPoolsVisibleTo } from '../data/pools.ts';
import { inviteLinkOf, myInvitations } from '../services/acceptance.ts';

export const Query: QueryResolvers = {
  pool: (_parent, { id }, context) => {
    requireViewer(context.viewer);
    return isUuid(id) ? visiblePool(context, id) : null;
  },
  pools: async (_parent, _args, { viewer, readDb, loaders }) => {
    const known = requireViewer(viewer);
    // Visibility is decided in the one SQL query, so the list never costs a check per pool.
    const rows = isAdmin(known)
      ? await selectAllPools(readDb)
      : known.delegation
        ? await selectPoolsDelegatedTo(readDb, known.delegation)
        : await selectPoolsVisibleTo(readDb, known.userId);
    for (const row of rows) loaders.poolById.prime(row.id, row);
    return rows;
  },
  membership: async (_parent, { poolId, investorId }, context) => {
    requireViewer(context.viewer);
    if (!isUuid(poolId) || !isUuid(investorId)) return null;
    const membership = await context.loaders.membershipByKey.load({ poolId, investorId });
    return membership && (await canSeeMembership(context, membership)) ? membership : null;
  },
  myInvitations: (_parent, _args, context) => myInvitations(context),
  inviteLink: (_parent, { token }, context) => inviteLinkOf(context, token),
};
