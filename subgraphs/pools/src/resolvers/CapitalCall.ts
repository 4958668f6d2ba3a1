import { money } from '@poolgraph/money';
import type { CapitalCallItemResolvers, CapitalCallResolvers } from '../__generated__/resolvers.ts';
import { seesPoolFully } from '../access.ts';

/** Calls are reached through Pool.capitalCalls, which shows them to the manager, members and admins. */
export const CapitalCall: CapitalCallResolvers = {
  pool: async (call, _args, { loaders }) => {
    const pool = await loaders.poolById.load(call.poolId);
    if (!pool) throw new Error(`capital call ${call.id} names a missing pool`);
    return pool;
  },
  // DECIMAL(7,4) text to a GraphQL Float: 4 decimals are exact in a double's shortest form.
  percent: (call) => Number(call.percent),
  totalCalled: async (call, _args, { loaders }) => {
    const items = await loaders.callItemsByCallId.load(call.id);
    return money(
      items.reduce((sum, item) => sum + item.calledMinor, 0n),
      call.currency,
    );
  },
  items: async (call, _args, { viewer, loaders }) => {
    const [pool, items] = await Promise.all([
      loaders.poolById.load(call.poolId),
      loaders.callItemsByCallId.load(call.id),
    ]);
    if (pool && seesPoolFully(viewer, pool)) return items;
    return items.filter((item) => item.investorId === viewer?.userId);
  },
};

export const CapitalCallItem: CapitalCallItemResolvers = {
  investor: (item) => ({ id: item.investorId }),
  called: (item) => money(item.calledMinor, item.currency),
  paid: (item) => money(item.paidMinor, item.currency),
  outstanding: (item) => money(item.calledMinor - item.paidMinor, item.currency),
};
