import { requireRole, type Viewer } from '@poolgraph/auth';
import { formatMoneyText, parseAmount } from '@poolgraph/money';
import { badUserInput, conflict, forbidden, notFound, uuidv7 } from '@poolgraph/platform';
import type { Context } from '../context.ts';
import type { PoolsTx } from '../db/index.ts';
import {
  countMembersLocked,
  insertMembership,
  lockMembership,
  updateMembershipCommitment,
  type MembershipRow,
} from '../data/memberships.ts';
import { lockPool, type PoolRow, type PoolStatus } from '../data/pools.ts';
import { canSeePool } from '../access.ts';
import { lockManagedPool } from './pools.ts';
import { requireId } from './validation.ts';
import { recordPoolChange } from '../events/poolChanges.ts';

/** The commitment in minor units, checked against the pool's currency and minimum. */
export function validateCommitment(pool: PoolRow, commitment: string): bigint {
  const minor = parseAmount(commitment, pool.currency, { field: 'commitment' });
  const min = pool.minContributionMinor;
  if (min !== null && minor < min) {
    throw badUserInput(
      'commitment',
      `must be at least the pool's minimum of ${formatMoneyText(min, pool.currency)}.`,
    );
  }
  return minor;
}

export function requireStatus(pool: PoolRow, allowed: PoolStatus[], action: string): void {
  if (!allowed.includes(pool.status)) {
    throw badUserInput('poolId', `the pool is ${pool.status}; ${action}.`);
  }
}

/**
 * Adds a member under the pool row lock held by the caller: the duplicate check, the seat count
 * and the insert see every committed member, and no other join of this pool runs in between.
 */
export async function addMember(
  tx: PoolsTx,
  pool: PoolRow,
  investorId: string,
  commitmentMinor: bigint,
  addedBy: string | null,
): Promise<MembershipRow> {
  if (await lockMembership(tx, { poolId: pool.id, investorId })) {
    throw conflict('The investor is already a member of this pool.');
  }
  if (pool.maxInvestors !== null && (await countMembersLocked(tx, pool.id)) >= pool.maxInvestors) {
    throw conflict(`The pool is full: it accepts at most ${pool.maxInvestors} investors.`);
  }
  const row = {
    id: uuidv7(),
    poolId: pool.id,
    investorId,
    commitmentMinor,
    creditMinor: 0n,
    addedBy,
    joinedAt: new Date(),
  };
  if (!(await insertMembership(tx, row))) {
    throw conflict('The investor is already a member of this pool.');
  }
  await recordPoolChange(tx, pool.id, {
    investorId,
    membershipId: row.id,
    commitmentMinor,
    member: true,
  });
  const { addedBy: _addedBy, ...membership } = row;
  return { ...membership, currency: pool.currency };
}

/** The caller joins an OPEN LISTED pool with a commitment of at least its minimum. */
export async function joinPool(
  context: Context,
  poolId: string,
  commitment: string,
): Promise<MembershipRow> {
  const viewer = requireRole(context.viewer, 'INVESTOR');
  const membership = await context.transaction(async (tx) => {
    const pool = await lockPool(tx, requireId(poolId, 'Pool'));
    // Someone else's DRAFT, or a private deal the caller was not invited to, does not exist for
    // them; a CLOSED listed pool was public when OPEN.
    const hidden = pool?.status === 'DRAFT' || pool?.visibility === 'INVITE_ONLY';
    if (!pool || (hidden && !(await canSeePool(context, pool)))) {
      throw notFound('Pool');
    }
    requireStatus(pool, ['OPEN'], 'only OPEN pools accept new members');
    const minor = validateCommitment(pool, commitment);
    if (pool.visibility === 'INVITE_ONLY') {
      // A member's second join is the usual CONFLICT; anyone else needs an invitation.
      if (await lockMembership(tx, { poolId: pool.id, investorId: viewer.userId })) {
        throw conflict('The investor is already a member of this pool.');
      }
      throw forbidden('This pool is invite-only: accept your invitation to join it.');
    }
    return addMember(tx, pool, viewer.userId, minor, null);
  });
  context.loaders.membershipByKey.prime(membership, membership);
  return membership;
}

const INVITABLE: PoolStatus[] = ['DRAFT', 'OPEN'];

/** Checks what can be checked without locks, so the users service is asked only for valid requests. */
async function precheckInvite(
  context: Context,
  viewer: Viewer,
  poolId: string,
  commitment: string,
) {
  const pool = await context.loaders.poolById.load(requireId(poolId, 'Pool'));
  if (!pool) throw notFound('Pool');
  if (pool.managerId !== viewer.userId)
    throw forbidden('Only the manager of this pool can do this.');
  requireStatus(pool, INVITABLE, 'investors can be added to DRAFT and OPEN pools only');
  validateCommitment(pool, commitment);
}

/**
 * The manager adds an investor directly (a commitment agreed outside the platform, e.g. a signed
 * subscription): no pending invitation, the membership exists at once. The same rules as a join
 * apply (minimum, seats, one membership per investor); the investor must be a user with the
 * INVESTOR role, which the users service confirms.
 */
export async function inviteInvestor(
  context: Context,
  poolId: string,
  investorId: string,
  commitment: string,
): Promise<MembershipRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  await precheckInvite(context, viewer, poolId, commitment);
  const roles = await context.peers.userRoles(requireId(investorId, 'Investor'));
  if (!roles) throw notFound('Investor');
  if (!roles.includes('INVESTOR')) {
    throw badUserInput('investorId', 'must be a user with the INVESTOR role.');
  }
  const membership = await context.transaction(async (tx) => {
    // Checked again under the lock: the pool may have changed while users was asked.
    const pool = await lockManagedPool(tx, viewer, poolId);
    requireStatus(pool, INVITABLE, 'investors can be added to DRAFT and OPEN pools only');
    const minor = validateCommitment(pool, commitment);
    return addMember(tx, pool, investorId, minor, viewer.userId);
  });
  context.loaders.membershipByKey.prime(membership, membership);
  return membership;
}

/**
 * The manager raises a member's commitment (the ledger caps contributions by what is unfunded
 * of it). Raise only: lowering it below what was already paid in would need the ledger's say.
 */
export async function raiseCommitment(
  context: Context,
  poolId: string,
  investorId: string,
  commitment: string,
): Promise<MembershipRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const key = {
    poolId: requireId(poolId, 'Pool'),
    investorId: requireId(investorId, 'Membership'),
  };
  const membership = await context.transaction(async (tx) => {
    const pool = await lockManagedPool(tx, viewer, key.poolId);
    requireStatus(pool, ['DRAFT', 'OPEN', 'CLOSED'], 'an ARCHIVED pool is read-only');
    const current = await lockMembership(tx, key);
    if (!current) throw notFound('Membership');
    const minor = parseAmount(commitment, pool.currency, { field: 'commitment' });
    if (minor <= current.commitmentMinor) {
      throw badUserInput(
        'commitment',
        `must be more than the current commitment of ${formatMoneyText(current.commitmentMinor, pool.currency)}.`,
      );
    }
    await updateMembershipCommitment(tx, current.id, minor);
    await recordPoolChange(tx, pool.id, {
      investorId: key.investorId,
      membershipId: current.id,
      commitmentMinor: minor,
      member: true,
    });
    return { ...current, commitmentMinor: minor };
  });
  context.loaders.membershipByKey.clear(key).prime(key, membership);
  context.loaders.membershipsByPoolId.clear(key.poolId);
  return membership;
}
