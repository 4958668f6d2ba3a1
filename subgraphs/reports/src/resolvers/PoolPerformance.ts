import { money } from '@poolgraph/money';
import type { PoolPerformanceResolvers } from '../__generated__/resolvers.ts';
import { selectPoolSeries } from '../data/poolDays.ts';
import { dpi } from '../services/performance.ts';

export const PoolPerformance: PoolPerformanceResolvers = {
  pool: (p) => ({ id: p.poolId }),
  committed: (p) => money(p.committed, p.currency),
  called: (p) => money(p.called, p.currency),
  contributed: (p) => money(p.contributed, p.currency),
  distributed: (p) => money(p.distributed, p.currency),
  fees: (p) => money(p.fees, p.currency),
  withdrawn: (p) => money(p.withdrawn, p.currency),
  proceeds: (p) => money(p.proceeds, p.currency),
  cash: (p) => money(p.contributed + p.proceeds - p.distributed - p.fees - p.withdrawn, p.currency),
  investorCount: (p) => p.investorCount,
  dpi: (p) => dpi(p.distributed, p.contributed),
  byDay: async (p, _args, { readDb }) =>
    (await selectPoolSeries(readDb, p.poolId, 'DAY')).map((row) => ({
      ...row,
      currency: p.currency,
    })),
  byMonth: async (p, _args, { readDb }) =>
    (await selectPoolSeries(readDb, p.poolId, 'MONTH')).map((row) => ({
      ...row,
      currency: p.currency,
    })),
};
