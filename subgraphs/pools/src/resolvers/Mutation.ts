import type { MutationResolvers } from '../__generated__/resolvers.ts';
import { acceptInvitation, acceptInviteLink, declineInvitation } from '../services/acceptance.ts';
import { callCapital } from '../services/capitalCalls.ts';
import { importPools } from '../services/imports.ts';
import { inviteInvestor, joinPool, raiseCommitment } from '../services/memberships.ts';
import { createPool, transitionPool, updatePool } from '../services/pools.ts';
import {
  createInviteLink,
  inviteByEmail,
  revokeInvitation,
  setPoolVisibility,
} from '../services/invitations.ts';
import { removeMember } from '../services/removal.ts';
import { setPoolTerms } from '../services/terms.ts';

/** Translation only: the rules live in services/, the SQL in data/. */
export const Mutation: MutationResolvers = {
  createPool: (_parent, { input }, context) => createPool(context, input),
  updatePool: (_parent, { id, input }, context) => updatePool(context, id, input),
  openPool: (_parent, { id }, context) => transitionPool(context, id, 'open'),
  closePool: (_parent, { id }, context) => transitionPool(context, id, 'close'),
  archivePool: (_parent, { id }, context) => transitionPool(context, id, 'archive'),
  joinPool: (_parent, { poolId, commitment }, context) => joinPool(context, poolId, commitment),
  inviteInvestor: (_parent, { poolId, investorId, commitment }, context) =>
    inviteInvestor(context, poolId, investorId, commitment),
  removeMember: (_parent, { poolId, investorId }, context) =>
    removeMember(context, poolId, investorId),
  callCapital: (_parent, { poolId, percent, dueDate }, context) =>
    callCapital(context, poolId, percent, dueDate),
  raiseCommitment: (_parent, { poolId, investorId, commitment }, context) =>
    raiseCommitment(context, poolId, investorId, commitment),
  importPools: (_parent, { managerId, pools }, context) => importPools(context, managerId, pools),
  setPoolVisibility: (_parent, { id, visibility }, context) =>
    setPoolVisibility(context, id, visibility),
  inviteByEmail: (_parent, { poolId, email, expiresInDays }, context) =>
    inviteByEmail(context, poolId, email, expiresInDays),
  createInviteLink: (_parent, { poolId, maxUses, expiresInDays }, context) =>
    createInviteLink(context, poolId, maxUses, expiresInDays),
  revokeInvitation: (_parent, { id }, context) => revokeInvitation(context, id),
  acceptInvitation: (_parent, { id, commitment }, context) =>
    acceptInvitation(context, id, commitment),
  declineInvitation: (_parent, { id }, context) => declineInvitation(context, id),
  acceptInviteLink: (_parent, { token, commitment }, context) =>
    acceptInviteLink(context, token, commitment),
  setPoolTerms: (_parent, { poolId, input }, context) => setPoolTerms(context, poolId, input),
};
