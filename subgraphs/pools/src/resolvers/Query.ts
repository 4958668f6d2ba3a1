import { requireViewer, type Viewer } from '@poolgraph/auth';
import { connectionOf, idPageRule, isUuid, pageRequest } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { canSeeMembership, isAdmin, visiblePool } from '../access.ts';
import type { Context } from '../context.ts';
import {
  selectAllPools,
  selectPoolsDelegatedTo,
  selectPoolsVisibleTo,
  type PoolPage,
  type PoolRow,
} from '../data/pools.ts';
import type { InvitationRow } from '../data/invitations.ts';
import { inviteLinkOf, myInvitations } from '../services/acceptance.ts';

/** poolsConnection: newest first by id (UUIDv7), 50 a page by default, at most 100. */
export const POOL_PAGE = idPageRule<PoolRow>('pool', 50, 100);

/** myInvitationsConnection: newest first by id (UUIDv7), 50 a page by default, at most 200. */
export const MY_INVITATION_PAGE = idPageRule<InvitationRow>('my-invitation', 50, 200);

/** The pools a caller may see, newest first (one page of them with `page`). */
async function visiblePools(
  known: Viewer,
  { readDb, loaders }: Context,
  page?: PoolPage,
): Promise<PoolRow[]> {
  // Visibility is decided in the one SQL query, so the list never costs a check per pool.
  const rows = isAdmin(known)
    ? await selectAllPools(readDb, page)
    : known.delegation
      ? await selectPoolsDelegatedTo(readDb, known.delegation, page)
      : await selectPoolsVisibleTo(readDb, known.userId, page);
  for (const row of rows) loaders.poolById.prime(row.id, row);
  return rows;
}

export const Query: QueryResolvers = {
  pool: (_parent, { id }, context) => {
    requireViewer(context.viewer);
    return isUuid(id) ? visiblePool(context, id) : null;
  },
  pools: async (_parent, _args, context) => visiblePools(requireViewer(context.viewer), context),
  poolsConnection: async (_parent, args, context) => {
    const known = requireViewer(context.viewer);
    const request = pageRequest(args, POOL_PAGE);
    const page = { beforeId: request.after, limit: request.first + 1 };
    return connectionOf(await visiblePools(known, context, page), request, POOL_PAGE);
  },
  membership: async (_parent, { poolId, investorId }, context) => {
    requireViewer(context.viewer);
    if (!isUuid(poolId) || !isUuid(investorId)) return null;
    const membership = await context.loaders.membershipByKey.load({ poolId, investorId });
    return membership && (await canSeeMembership(context, membership)) ? membership : null;
  },
  myInvitations: (_parent, _args, context) => myInvitations(context),
  myInvitationsConnection: async (_parent, args, context) => {
    const request = pageRequest(args, MY_INVITATION_PAGE);
    const page = { beforeId: request.after, limit: request.first + 1 };
    return connectionOf(await myInvitations(context, page), request, MY_INVITATION_PAGE);
  },
  inviteLink: (_parent, { token }, context) => inviteLinkOf(context, token),
};
