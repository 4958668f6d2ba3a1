import type { PoolResolvers } from '../__generated__/resolvers.ts';

export const Pool: PoolResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  // Only alerts the caller may see are counted (the loader knows the viewer): others get 0.
  openAlertCount: (pool, _args, { loaders }) => loaders.openAlertCountByPoolId.load(pool.id),
};
