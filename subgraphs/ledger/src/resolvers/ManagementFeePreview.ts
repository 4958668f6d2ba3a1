import { money } from '@poolgraph/money';
import type {
  ManagementFeePreviewResolvers,
  ManagementFeeShareResolvers,
} from '../__generated__/resolvers.ts';

/** Translation only: the period's dates, minor units to Money in the pool's currency. */
export const ManagementFeePreview: ManagementFeePreviewResolvers = {
  pool: (p) => ({ id: p.poolId }),
  period: (p) => p.period.index,
  periodStart: (p) => p.period.start,
  periodEnd: (p) => p.period.end,
  dueAt: (p) => p.period.start,
  basisAmount: (p) => money(p.basisMinor, p.currency),
  amount: (p) => money(p.amount, p.currency),
  members: (p) => p.shares,
};

export const ManagementFeeShare: ManagementFeeShareResolvers = {
  investor: (s) => ({ id: s.investorId }),
  amount: (s) => money(s.share, s.currency),
};
