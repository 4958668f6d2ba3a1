import { money } from '@poolgraph/money';
import type { InvestorPerformanceResolvers } from '../__generated__/resolvers.ts';

export const InvestorPerformance: InvestorPerformanceResolvers = {
  investor: (i) => ({ id: i.investorId }),
  pool: (i) => ({ id: i.poolId }),
  contributed: (i) => money(i.contributed, i.currency),
  distributed: (i) => money(i.distributed, i.currency),
  withdrawn: (i) => money(i.withdrawn, i.currency),
  fees: (i) => money(i.fees, i.currency),
  navShare: (i) => (i.navShare === null ? null : money(i.navShare, i.currency)),
  dpi: (i) => i.dpi,
  rvpi: (i) => i.rvpi,
  tvpi: (i) => i.tvpi,
  moic: (i) => i.moic,
  irr: (i) => i.irr,
};
