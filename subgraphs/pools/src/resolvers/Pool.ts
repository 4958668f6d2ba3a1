import { money } from '@poolgraph/money';
import { isUuid } from '@poolgraph/platform';
import type { PoolResolvers } from '../__generated__/resolvers.ts';
import { ownMembership, seesPoolFully, visiblePool } from '../access.ts';

const optionalMoney = (minor: bigint | null, currency: string) =>
  minor === null ? null : money(minor, currency);

/**
 * A Pool reaches a resolver only when the caller may see it (Query.pool, Query.pools and
 * __resolveReference check); its members and calls are then filtered per caller here.
 */
export const Pool: PoolResolvers = {
  __resolveReference: (reference, context) =>
    isUuid(reference.id) ? visiblePool(context, reference.id) : null,
  manager: (pool) => ({ id: pool.managerId }),
  targetAmount: (pool) => optionalMoney(pool.targetMinor, pool.currency),
  minContribution: (pool) => optionalMoney(pool.minContributionMinor, pool.currency),
  memberCount: (pool, _args, { loaders }) => loaders.memberCountByPoolId.load(pool.id),
  members: async (pool, _args, context) => {
    if (seesPoolFully(context.viewer, pool)) {
      return context.loaders.membershipsByPoolId.load(pool.id);
    }
    const own = await ownMembership(context, pool.id);
    return own ? [own] : [];
  },
  capitalCalls: async (pool, _args, context) => {
    const allowed = seesPoolFully(context.viewer, pool) || (await ownMembership(context, pool.id));
    return allowed ? context.loaders.capitalCallsByPoolId.load(pool.id) : [];
  },
};
