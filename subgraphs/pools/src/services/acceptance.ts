import { requireRole, requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden, notFound } from '@poolgraph/platform';
import type { Context } from '../context.ts';
import {
  claimEmailInvitations,
  countInvitationUse,
  lockInvitation,
  selectEmailInvitationsOf,
  selectInvitationById,
  selectInvitationByTokenHash,
  updateInvitationStatus,
  type InvitationRow,
} from '../data/invitations.ts';
import type { MembershipRow } from '../data/memberships.ts';
import { lockPool } from '../data/pools.ts';
import { hashInviteToken, looksLikeInviteToken, requireUsable } from './invitationRules.ts';
import { addMember, requireStatus, validateCommitment } from './memberships.ts';
import { requireId } from './validation.ts';

/** The investor's side of private deals: their invitations, accepting, declining, links. */

/**
 * Binds the invitations sent to the caller's account email to the caller. The email is the
 * users subgraph's answer for this caller's own token, so an invitation goes to whoever proved
 * they own that address (by signing up and logging in with it), never to a claimed one.
 */
async function claimOwnInvitations(context: Context, viewer: Viewer): Promise<void> {
  const email = await context.peers.ownEmail();
  if (email) await claimEmailInvitations(context.db, email, viewer.userId);
}

/**
 * The caller's EMAIL invitations, newest first, claiming those sent to their email first. With
 * `page`, a page of them: only the first page (no `beforeId`) claims, once per walk through the
 * pages, so a later page costs no call to users and lists what the first one's claim bound.
 */
export async function myInvitations(
  context: Context,
  page?: { beforeId: string | null; limit: number },
): Promise<InvitationRow[]> {
  const viewer = requireRole(context.viewer, 'INVESTOR');
  if (!page?.beforeId) await claimOwnInvitations(context, viewer);
  return selectEmailInvitationsOf(context.db, viewer.userId, page);
}

/** The caller's EMAIL invitation by id; someone else's is NOT_FOUND (never tells it exists). */
async function ownInvitation(context: Context, viewer: Viewer, id: string) {
  let found = await selectInvitationById(context.db, requireId(id, 'Invitation'));
  if (found?.kind === 'EMAIL' && found.investorId === null) {
    await claimOwnInvitations(context, viewer);
    found = await selectInvitationById(context.db, found.id);
  }
  if (!found || found.kind !== 'EMAIL' || found.investorId !== viewer.userId) {
    throw notFound('Invitation');
  }
  return found;
}

/**
 * Joins the invitation's pool: under the pool row lock (the lock every join takes) and then the
 * invitation's, so 50 acceptances of a 5-use link run one at a time and exactly 5 get in.
 */
async function joinThrough(
  context: Context,
  viewer: Viewer,
  invitation: InvitationRow,
  commitment: string,
  field: string,
): Promise<MembershipRow> {
  const membership = await context.transaction(async (tx) => {
    const pool = (await lockPool(tx, invitation.poolId))!;
    const current = (await lockInvitation(tx, invitation.id))!;
    requireUsable(current, field);
    requireStatus(pool, ['OPEN'], 'only OPEN pools accept new members');
    const minor = validateCommitment(pool, commitment);
    const joined = await addMember(tx, pool, viewer.userId, minor, null);
    await countInvitationUse(tx, current.id);
    if (current.kind === 'EMAIL') {
      await updateInvitationStatus(tx, current.id, 'ACCEPTED', new Date());
    }
    return joined;
  });
  context.loaders.membershipByKey.prime(membership, membership);
  return membership;
}

export async function acceptInvitation(
  context: Context,
  id: string,
  commitment: string,
): Promise<MembershipRow> {
  const viewer = requireRole(context.viewer, 'INVESTOR');
  const invitation = await ownInvitation(context, viewer, id);
  return joinThrough(context, viewer, invitation, commitment, 'id');
}

export async function declineInvitation(context: Context, id: string): Promise<InvitationRow> {
  const viewer = requireRole(context.viewer, 'INVESTOR');
  const found = await ownInvitation(context, viewer, id);
  await context.transaction(async (tx) => {
    await lockPool(tx, found.poolId);
    requireUsable((await lockInvitation(tx, found.id))!, 'id');
    await updateInvitationStatus(tx, found.id, 'DECLINED', new Date());
  });
  return (await selectInvitationById(context.db, found.id))!;
}

/** The link behind a token; a malformed or unknown token is NOT_FOUND. */
export async function inviteLinkOf(context: Context, token: string): Promise<InvitationRow> {
  requireViewer(context.viewer);
  const row = looksLikeInviteToken(token)
    ? await selectInvitationByTokenHash(context.db, hashInviteToken(token))
    : undefined;
  if (!row) throw notFound('Invite link');
  return row;
}

export async function acceptInviteLink(
  context: Context,
  token: string,
  commitment: string,
): Promise<MembershipRow> {
  const viewer = requireViewer(context.viewer);
  const link = await inviteLinkOf(context, token);
  if (link.managerId === viewer.userId) {
    throw forbidden('You manage this pool: share the link with investors instead.');
  }
  requireRole(viewer, 'INVESTOR');
  return joinThrough(context, viewer, link, commitment, 'token');
}
