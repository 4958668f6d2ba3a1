import type {
  InvitationResolvers,
  InviteLinkPreviewResolvers,
} from '../__generated__/resolvers.ts';
import { visiblePool } from '../access.ts';
import { invitationStatus } from '../services/invitationRules.ts';

/**
 * Invitations reach resolvers only for the pool's manager and admins (Pool.invitations), the
 * invited investor (myInvitations) and the caller of a mutation on it.
 */
export const Invitation: InvitationResolvers = {
  pool: (invitation, _args, context) => visiblePool(context, invitation.poolId),
  status: (invitation) => invitationStatus(invitation),
};

/** What a link's token shows: a PENDING link lets its holder look at the pool it opens. */
export const InviteLinkPreview: InviteLinkPreviewResolvers = {
  status: (link) => invitationStatus(link),
  pool: async (link, _args, context) => {
    const pool = await context.loaders.poolById.load(link.poolId);
    if (!pool) return null;
    const opens =
      invitationStatus(link) === 'PENDING' && (pool.status === 'DRAFT' || pool.status === 'OPEN');
    return opens ? pool : visiblePool(context, pool.id);
  },
};
