import { money } from '@poolgraph/money';
import { isUuid, type PageRule } from '@poolgraph/platform';
import type { InvestorPerformanceResolvers } from '../__generated__/resolvers.ts';
import type { InvestorPerformanceModel } from '../services/poolMetrics.ts';

const uuidKey = ([id, ...rest]: readonly string[]) =>
  id !== undefined && rest.length === 0 && isUuid(id) ? id : null;

/** PoolPerformance.investorsConnection: a pool's lines by investor id, ascending. */
export const INVESTOR_LINE_PAGE: PageRule<InvestorPerformanceModel, string> = {
  kind: 'pool-investor',
  defaultSize: 100,
  maxSize: 500,
  keyOf: (line) => [line.investorId],
  parseKey: uuidKey,
};

/** investorPerformanceConnection: an investor's lines by pool id, ascending. */
export const POOL_LINE_PAGE: PageRule<InvestorPerformanceModel, string> = {
  kind: 'investor-pool',
  defaultSize: 50,
  maxSize: 100,
  keyOf: (line) => [line.poolId],
  parseKey: uuidKey,
};

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
