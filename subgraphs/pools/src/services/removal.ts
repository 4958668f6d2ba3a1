import { requireRole } from '@poolgraph/auth';
import { badUserInput, forbidden, notFound } from '@poolgraph/platform';
import type { Context } from '../context.ts';
import { releaseUnpaidItems } from '../data/capitalCalls.ts';
import { deleteMembership, lockMembership } from '../data/memberships.ts';
import type { PoolRow } from '../data/pools.ts';
import { lockManagedPool } from './pools.ts';
import { requireId } from './validation.ts';
import { recordPoolChange } from '../events/poolChanges.ts';

/**
 * Removes a member whose capital account in the ledger is zero, as a saga with the ledger
 * (see subgraphs/ledger/src/services/sagas.ts): under the pool row lock the ledger checks the
 * account and stops counting the investor as a member, with the revision this change will
 * commit; then the removal commits here (unpaid capital call amounts are released). If it does
 * not commit, the ledger is told to keep the member. A ledger that cannot be asked, or that
 * finds capital left, leaves the member in place.
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

  let releasing: number | undefined;
  let updated: PoolRow;
  try {
    updated = await context.transaction(async (tx) => {
      const locked = await lockManagedPool(tx, viewer, key.poolId);
      if (locked.status === 'ARCHIVED')
        throw badUserInput('poolId', 'the pool is ARCHIVED and read-only.');
      const membership = await lockMembership(tx, key);
      if (!membership) throw notFound('Membership');
      releasing = locked.revision + 1;
      await context.peers.releaseInLedger(key.poolId, key.investorId, releasing);
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
  } catch (error) {
    if (releasing !== undefined) await keepInLedger(context, key, releasing);
    throw error;
  }
  context.loaders.membershipByKey.clear(key);
  context.loaders.membershipsByPoolId.clear(key.poolId);
  context.loaders.memberCountByPoolId.clear(key.poolId);
  return updated;
}

/** The saga's compensation; if it is lost too, the pool's next event ends the mark. */
async function keepInLedger(
  context: Context,
  key: { poolId: string; investorId: string },
  revision: number,
) {
  try {
    await context.peers.keepInLedger(key.poolId, key.investorId, revision);
  } catch (error) {
    context.log.error({ err: error, ...key, revision }, 'could not keep the member in the ledger');
  }
}
