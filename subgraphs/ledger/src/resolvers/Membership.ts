import { requireViewer } from '@poolgraph/auth';
import { isSupportedCurrency } from '@poolgraph/money';
import { forbidden, isUuid } from '@poolgraph/platform';
import type { MembershipResolvers } from '../__generated__/resolvers.ts';
import { canReadPosition } from '../access.ts';
import type { Context } from '../context.ts';
import { accountKey, positionOf, type PositionValue } from '../data/investorAccounts.ts';
import { managerOfPool } from './Transaction.ts';

export const positionForbidden = () =>
  forbidden("Only the investor, the pool's manager and admins can read a position.");

/**
 * A position, zero when the investor has none. Null only for a pool the ledger has never
 * posted to when no currency is known for it.
 */
export async function readPosition(
  poolId: string,
  investorId: string,
  fallbackCurrency: string | null | undefined,
  context: Context,
): Promise<PositionValue | null> {
  const { viewer, loaders } = context;
  const known = requireViewer(viewer);
  const pool = isUuid(poolId) ? await loaders.poolAccountById.load(poolId) : null;
  if (!pool) {
    const currency =
      fallbackCurrency && isSupportedCurrency(fallbackCurrency) ? fallbackCurrency : null;
    return currency ? positionOf(poolId, investorId, currency, null) : null;
  }
  const managerId = await managerOfPool(poolId, context);
  if (!canReadPosition(known, investorId, { id: poolId, managerId })) {
    throw positionForbidden();
  }
  const account = isUuid(investorId)
    ? await loaders.investorAccountByKey.load(accountKey(poolId, investorId))
    : null;
  return positionOf(poolId, investorId, pool.currency, account);
}

export const Membership: MembershipResolvers = {
  __resolveReference: (reference) => reference,
  position: async (membership, _args, context) => {
    const position = await readPosition(
      membership.pool.id,
      membership.investor.id,
      membership.pool.currency,
      context,
    );
    if (!position)
      throw new Error(`Membership of pool ${membership.pool.id} came without its currency`);
    return position;
  },
};
