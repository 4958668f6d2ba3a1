import type { PoolTermsResolvers } from '../__generated__/resolvers.ts';

/** A version of a pool's terms; the pool's visibility was checked on the way to it. */
export const PoolTerms: PoolTermsResolvers = {
  carryRecipient: async (terms, _args, { loaders }) => {
    // The carry goes to whoever manages the pool now (the ledger posts it to that account).
    const pool = await loaders.poolById.load(terms.poolId);
    return { id: pool?.managerId ?? terms.setBy };
  },
  setBy: (terms) => ({ id: terms.setBy }),
};
