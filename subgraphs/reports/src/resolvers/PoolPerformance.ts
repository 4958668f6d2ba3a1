import { money } from '@poolgraph/money';
import { pageOfList, pageRequest, type PageRule } from '@poolgraph/platform';
import type { PoolPerformanceResolvers } from '../__generated__/resolvers.ts';
import { selectPoolSeries } from '../data/poolDays.ts';
import type { ValuationRow } from '../data/valuations.ts';
import { multiples } from '../services/metrics.ts';

/** valuationsConnection: newest day first; a pool has one valuation a day, so the day is unique. */
export const VALUATION_PAGE: PageRule<ValuationRow, string> = {
  kind: 'valuation',
  defaultSize: 100,
  maxSize: 500,
  keyOf: (row) => [row.date],
  parseKey: ([day, ...rest]) =>
    day !== undefined && rest.length === 0 && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null,
};

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
  // From the totals alone: DPI needs no valuation, so asking for it reads no movements.
  dpi: (p) => multiples(p, null).dpi,
  nav: async (p) => {
    const { nav } = await p.metrics();
    return nav === null ? null : money(nav, p.currency);
  },
  navDate: async (p) => (await p.metrics()).navDate,
  rvpi: async (p) => (await p.metrics()).rvpi,
  tvpi: async (p) => (await p.metrics()).tvpi,
  moic: async (p) => (await p.metrics()).moic,
  irr: async (p) => (await p.metrics()).irr,
  valuations: (p) => p.valuations(),
  valuationsConnection: async (p, args) => {
    const request = pageRequest(args, VALUATION_PAGE);
    return pageOfList(await p.valuations(), request, VALUATION_PAGE, (row, day) => row.date < day);
  },
  investors: async (p) => {
    const { investors } = await p.metrics();
    const { lines } = p;
    return lines.all ? investors : investors.filter((i) => i.investorId === lines.investorId);
  },
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
