import { money } from '@poolgraph/money';
import { connectionOf, pageOfList, pageRequest, type PageRule } from '@poolgraph/platform';
import type { PoolPerformanceResolvers } from '../__generated__/resolvers.ts';
import { selectPoolSeries } from '../data/poolDays.ts';
import type { ValuationRow } from '../data/valuations.ts';
import { multiples } from '../services/metrics.ts';
import type { Context } from '../context.ts';
import type { PoolPerformanceModel } from '../services/performance.ts';
import { INVESTOR_LINE_PAGE } from './InvestorPerformance.ts';

/** valuationsConnection: newest day first; a pool has one valuation a day, so the day is unique. */
export const VALUATION_PAGE: PageRule<ValuationRow, string> = {
  kind: 'valuation',
  defaultSize: 100,
  maxSize: 500,
  keyOf: (row) => [row.date],
  parseKey: ([day, ...rest]) =>
    day !== undefined && rest.length === 0 && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null,
};

/** byDayConnection: oldest day first; the day ("2026-01-31") is unique in the series. */
export const DAY_PAGE = periodPage('performance-day', /^\d{4}-\d{2}-\d{2}$/);
/** byMonthConnection: oldest month first; the month ("2026-01") is unique in the series. */
export const MONTH_PAGE = periodPage('performance-month', /^\d{4}-\d{2}$/);

function periodPage(kind: string, shape: RegExp): PageRule<{ period: string }, string> {
  return {
    kind,
    defaultSize: 366,
    maxSize: 1000,
    keyOf: (row) => [row.period],
    parseKey: ([period, ...rest]) =>
      period !== undefined && rest.length === 0 && shape.test(period) ? period : null,
  };
}

/** A page of the pool's series by day or by month, read in SQL. */
async function seriesPage(
  p: PoolPerformanceModel,
  args: { first?: number | null; after?: string | null },
  by: 'DAY' | 'MONTH',
  db: Context['readDb'],
) {
  const rule = by === 'DAY' ? DAY_PAGE : MONTH_PAGE;
  const request = pageRequest(args, rule);
  const page = { afterPeriod: request.after, limit: request.first + 1 };
  const rows = await selectPoolSeries(db, p.poolId, by, page);
  return connectionOf(
    rows.map((row) => ({ ...row, currency: p.currency })),
    request,
    rule,
  );
}

/** The pool's investor lines the caller sees: every one, or only their own (by investor id). */
async function visibleLines(p: PoolPerformanceModel) {
  const { investors } = await p.metrics();
  const { lines } = p;
  return lines.all ? investors : investors.filter((i) => i.investorId === lines.investorId);
}

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
  investors: (p) => visibleLines(p),
  investorsConnection: async (p, args) => {
    const request = pageRequest(args, INVESTOR_LINE_PAGE);
    const rows = await visibleLines(p);
    return pageOfList(rows, request, INVESTOR_LINE_PAGE, (line, id) => line.investorId > id);
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
  byDayConnection: (p, args, { readDb }) => seriesPage(p, args, 'DAY', readDb),
  byMonthConnection: (p, args, { readDb }) => seriesPage(p, args, 'MONTH', readDb),
};
