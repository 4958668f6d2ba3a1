import { money } from '@poolgraph/money';
import type { PerformancePointResolvers } from '../__generated__/resolvers.ts';

export const PerformancePoint: PerformancePointResolvers = {
  period: (p) => p.period,
  contributed: (p) => money(p.contributed, p.currency),
  distributed: (p) => money(p.distributed, p.currency),
};
