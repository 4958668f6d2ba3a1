import { money } from '@poolgraph/money';
import type { InvestorRankingResolvers } from '../__generated__/resolvers.ts';

export const InvestorRanking: InvestorRankingResolvers = {
  investor: (ranking) => ({ id: ranking.investorId }),
  totalInvested: (ranking) => money(ranking.totalMinor, ranking.currency),
};
