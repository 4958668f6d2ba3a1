import { requireViewer } from '@poolgraph/auth';
import { connectionOf, pageRequest } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { selectReadModelState } from '../data/readModelState.ts';
import { investorPerformance, investorPerformancePage } from '../services/investorPerformance.ts';
import { POOL_LINE_PAGE } from './InvestorPerformance.ts';
import { poolPerformance } from '../services/performance.ts';
import { topInvestors } from '../services/rankings.ts';
import { investorStatement } from '../services/statements.ts';

export const Query: QueryResolvers = {
  topInvestors: (_parent, args, context) => topInvestors(context, args),
  poolPerformance: (_parent, { poolId }, context) => poolPerformance(context, poolId),
  investorStatement: (_parent, args, context) => investorStatement(context, args),
  investorPerformance: (_parent, { investorId }, context) =>
    investorPerformance(context, investorId),
  investorPerformanceConnection: async (_parent, { investorId, ...args }, context) => {
    const request = pageRequest(args, POOL_LINE_PAGE);
    const page = { afterPoolId: request.after, limit: request.first + 1 };
    const rows = await investorPerformancePage(context, investorId, page);
    return connectionOf(rows, request, POOL_LINE_PAGE);
  },
  reportsFreshness: async (_parent, _args, { viewer, readDb, lagSeconds }) => {
    requireViewer(viewer);
    const [state, lag] = await Promise.all([selectReadModelState(readDb), lagSeconds()]);
    return { lastEventAt: state.lastEventAt, lagSeconds: lag };
  },
};
