import { requireRole } from '@poolgraph/auth';
import { formatAmount, parseAmount } from '@poolgraph/money';
import { badUserInput, conflict, forbidden, notFound } from '@poolgraph/platform';
import type { Context } from '../context.ts';
import { releaseUnpaidItems } from '../data/capitalCalls.ts';
import { deleteMembership, lockMembership } from '../data/memberships.ts';
import type { PoolRow } from '../data/pools.ts';
import type { LedgerPosition } from '../peers.ts';
import { lockManagedPool } from './pools.ts';
import { requireId } from './validation.ts';
import { recordPoolChange } from '../events/poolChanges.ts';

/**
 * The member's capital account per the ledger, in minor units: contributed minus distributed,
 * fees and withdrawn. No position means the investor never moved money in the pool.
 */
export function capitalLeft(position: LedgerPosition | null, currency: string): bigint {
  if (!position) return 0n;
  const text = position.capital.trim();
  const negative = text.startsWith('-');
  const options = { field: 'ledger position capital', allowZero: true };
  const minor = parseAmount(negative ? text.slice(1) : text, currency, options);
  return negative ? -minor : minor;
}

/**
 * Removes a member whose capital account in the ledger is zero. The ledger is asked first, as the caller, outside any
 * lock; if it cannot answer, nothing is removed. Unpaid capital call amounts are released.
 * A contribution posted between the ledger's answer and the commit is the residual race
 * described in the README.
 */
export async function removeMember(
  context: Context,
  poolId: string,
  investorId: string,
): Promise<PoolRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const key = {
    poolId: requireId(poolId, 'Pool'),
    investorId: requireId(investorId, 'Membership'),
  };
  const pool = await context.loaders.poolById.load(key.poolId);
  if (!pool) throw notFound('Pool');
  if (pool.managerId !== viewer.userId)
    throw forbidden('Only the manager of this pool can do this.');
  if (pool.status === 'ARCHIVED')
    throw badUserInput('poolId', 'the pool is ARCHIVED and read-only.');
  if (!(await context.loaders.membershipByKey.load(key))) throw notFound('Membership');

  const left = capitalLeft(await context.peers.position(key.poolId, key.investorId), pool.currency);
  if (left !== 0n) {
    throw conflict(
      `The investor's capital account in the pool is ${formatAmount(left, pool.currency)} ${pool.currency}, not zero; settle it in the ledger first.`,
    );
  }

  const updated = await context.transaction(async (tx) => {
    const locked = await lockManagedPool(tx, viewer, key.poolId);
    if (locked.status === 'ARCHIVED')
      throw badUserInput('poolId', 'the pool is ARCHIVED and read-only.');
    const membership = await lockMembership(tx, key);
    if (!membership) throw notFound('Membership');
    await releaseUnpaidItems(tx, key);
    await deleteMembership(tx, key);
    await recordPoolChange(tx, key.poolId, {
      investorId: key.investorId,
      membershipId: membership.id,
      commitmentMinor: membership.commitmentMinor,
      member: false,
    });
    return { ...locked, revision: locked.revision + 1 };
  });
  context.loaders.membershipByKey.clear(key);
  context.loaders.membershipsByPoolId.clear(key.poolId);
  context.loaders.memberCountByPoolId.clear(key.poolId);
  return updated;
}
