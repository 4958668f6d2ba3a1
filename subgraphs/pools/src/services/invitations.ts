import { requireRole, validateEmail } from '@poolgraph/auth';
import { badUserInput, conflict, notFound, uuidv7 } from '@poolgraph/platform';
import type { PoolVisibility } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import type { PoolsTx } from '../db/index.ts';
import {
  countLiveInvitations,
  insertInvitation,
  lockInvitation,
  selectInvitationById,
  updateInvitationStatus,
  type InvitationRow,
  type NewInvitation,
} from '../data/invitations.ts';
import { updatePool as writePoolChanges, type PoolRow } from '../data/pools.ts';
import { recordPoolChange } from '../events/poolChanges.ts';
import {
  MAX_LIVE_INVITATIONS,
  expiryFrom,
  hashInviteToken,
  newInviteToken,
  requireUsable,
  validateMaxUses,
} from './invitationRules.ts';
import { requireStatus } from './memberships.ts';
import { lockManagedPool } from './pools.ts';
import { requireId } from './validation.ts';

/** The manager's side of private deals: visibility, invitations by email and by link, revoking. */

const INVITABLE = ['DRAFT', 'OPEN'] as const;
const EMAIL_EXPIRY_DAYS = 14;
const LINK_EXPIRY_DAYS = 7;

/**
 * LISTED ↔ INVITE_ONLY while the pool is DRAFT or OPEN: the only states where it decides who
 * may see and join the pool (a CLOSED pool is seen by its members only, whatever it was).
 */
export async function setPoolVisibility(
  context: Context,
  id: string,
  visibility: PoolVisibility,
): Promise<PoolRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const updated = await context.transaction(async (tx) => {
    const pool = await lockManagedPool(tx, viewer, id);
    if (pool.status !== 'DRAFT' && pool.status !== 'OPEN') {
      throw badUserInput(
        'id',
        `the pool is ${pool.status}; visibility changes only while DRAFT or OPEN.`,
      );
    }
    if (pool.visibility === visibility) return pool;
    await writePoolChanges(tx, pool.id, { visibility });
    await recordPoolChange(tx, pool.id);
    return { ...pool, visibility, revision: pool.revision + 1, updatedAt: new Date() };
  });
  context.loaders.poolById.clear(updated.id).prime(updated.id, updated);
  return updated;
}

/** Writes an invitation under the pool row lock, after the checks every kind shares. */
async function addInvitation(
  context: Context,
  poolId: string,
  row: Omit<NewInvitation, 'id' | 'poolId' | 'createdBy' | 'createdAt'>,
): Promise<InvitationRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const id = uuidv7();
  await context.transaction(async (tx: PoolsTx) => {
    const pool = await lockManagedPool(tx, viewer, poolId);
    requireStatus(pool, [...INVITABLE], 'invitations are for DRAFT and OPEN pools only');
    const now = new Date();
    if (row.email && (await countLiveInvitations(tx, pool.id, row.email, now)) > 0) {
      throw conflict(`${row.email} already has a pending invitation to this pool.`);
    }
    if ((await countLiveInvitations(tx, pool.id, null, now)) >= MAX_LIVE_INVITATIONS) {
      throw conflict(
        `The pool already has ${MAX_LIVE_INVITATIONS} pending invitations; revoke some first.`,
      );
    }
    await insertInvitation(tx, { ...row, id, poolId: pool.id, createdBy: viewer.userId });
  });
  return (await selectInvitationById(context.db, id))!;
}

/**
 * Invites one email address. Who owns it is the users subgraph's to know: the invitation is
 * claimed by the account with that email when it reads its invitations (after signing up, if
 * it has no account yet). The manager's own address is refused; other managers' addresses
 * are not knowable here and simply never get an investor to accept them.
 */
export async function inviteByEmail(
  context: Context,
  poolId: string,
  email: string,
  expiresInDays: number | null | undefined,
): Promise<InvitationRow> {
  requireRole(context.viewer, 'MANAGER');
  requireId(poolId, 'Pool');
  const normalized = validateEmail(email, 'email');
  const expiresAt = expiryFrom(new Date(), expiresInDays, EMAIL_EXPIRY_DAYS);
  if ((await context.peers.ownEmail()) === normalized) {
    throw badUserInput('email', 'is your own address; invite an investor.');
  }
  const invitation = await addInvitation(context, poolId, {
    kind: 'EMAIL',
    email: normalized,
    expiresAt,
  });
  await context.invitationMail.send(invitation);
  return invitation;
}

/** A shareable link; its token is returned this once and stored only as a SHA-256 hash. */
export async function createInviteLink(
  context: Context,
  poolId: string,
  maxUses: number | null | undefined,
  expiresInDays: number | null | undefined,
): Promise<{ invitation: InvitationRow; token: string }> {
  requireRole(context.viewer, 'MANAGER');
  requireId(poolId, 'Pool');
  const row = {
    kind: 'LINK' as const,
    maxUses: validateMaxUses(maxUses),
    expiresAt: expiryFrom(new Date(), expiresInDays, LINK_EXPIRY_DAYS),
  };
  const token = newInviteToken();
  const invitation = await addInvitation(context, poolId, {
    ...row,
    tokenHash: hashInviteToken(token),
  });
  return { invitation, token };
}

/** Withdraws a PENDING invitation or link (the pool's manager); anything else says why not. */
export async function revokeInvitation(context: Context, id: string): Promise<InvitationRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const found = await selectInvitationById(context.db, requireId(id, 'Invitation'));
  if (!found) throw notFound('Invitation');
  await context.transaction(async (tx) => {
    await lockManagedPool(tx, viewer, found.poolId);
    const invitation = (await lockInvitation(tx, found.id))!;
    if (invitation.status === 'PENDING' && invitation.maxUses !== null) {
      // A used-up link is still revocable: it says REVOKED from then on, which is clearer.
      invitation.uses = 0;
    }
    requireUsable(invitation, 'id');
    await updateInvitationStatus(tx, invitation.id, 'REVOKED', new Date());
  });
  return (await selectInvitationById(context.db, found.id))!;
}
