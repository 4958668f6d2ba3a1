import { requireViewer } from '@poolgraph/auth';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { selectReadModelState } from '../data/readModelState.ts';
import { investorPerformance } from '../services/investorPerformance.ts';
import { poolPerformance } from '../services/performance.ts';
import { topInvestors } from '../services/rankings.ts';
import { investorStatement } from '../services/statements.ts';

export const Query: QueryResolvers = {
  topInvestors: (_parent, args, context) => topInvestors(context, args),
  poolPerformance: (_parent, { poolId }, context) => poolPerformance(context, poolId),
  investorStatement: (_parent, args, context) => investorStatement(context, args),
  investorPerformance: (_parent, { investorId }, context) =>
    investorPerformance(context, investorId),
  reportsFreshness: async (_parent, _args, { viewer, readDb, lagSeconds }) => {
    requireViewer(viewer);
    const [state, lag] = await Promise.all([selectReadModelState(readDb), lagSeconds()]);
    return { lastEventAt: state.lastEventAt, lagSeconds: lag };
  },
};
