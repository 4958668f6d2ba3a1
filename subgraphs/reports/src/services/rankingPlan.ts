/**
 * How a topInvestors window is answered from the read model (pure, unit-tested):
 * - no window: the all-time ranking, an index read of `limit` rows;
 * - exactly one calendar year or month (UTC): that period's ranking, also `limit` rows;
 * - anything else: whole years, then whole months of period_contributions, plus the raw
 *   contributions of the partial months at the two edges.
 */
export type PeriodKind = 'A' | 'Y' | 'M';

/** The all-time "period" starts here; it holds every contribution whatever its date. */
export const ALL_TIME_START = '1970-01-01';
/** Open ends of a window: DATETIME's range, both on year boundaries. */
const MIN = Date.UTC(1000, 0, 1);
const MAX = Date.UTC(9999, 0, 1);

export interface PeriodSpan {
  kind: PeriodKind;
  /** First period_start included, "YYYY-MM-DD". */
  from: string;
  /** First period_start excluded. */
  to: string;
}

/** Whole periods of period_contributions plus raw contributions over the edges. */
export interface SpanPlan {
  direct?: undefined;
  periods: PeriodSpan[];
  edges: Array<{ from: Date; to: Date }>;
}

export type RankingPlan = { direct: { kind: PeriodKind; periodStart: string } } | SpanPlan;

/** A contribution's calendar periods: its UTC year and its UTC month. */
export function calendarPeriodsOf(at: Date): Array<{ kind: PeriodKind; periodStart: string }> {
  const year = at.getUTCFullYear();
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return [
    { kind: 'Y', periodStart: `${year}-01-01` },
    { kind: 'M', periodStart: `${year}-${month}-01` },
  ];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const yearStart = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
const ceilTo = (ms: number, floor: (ms: number) => number, next: (ms: number) => number) =>
  floor(ms) === ms ? ms : next(floor(ms));
const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};
const nextYear = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear() + 1, 0, 1);

/** Plans [from, to): from inclusive, to exclusive; either may be open. */
export function planRanking(from?: Date, to?: Date): RankingPlan {
  if (!from && !to) return { direct: { kind: 'A', periodStart: ALL_TIME_START } };
  const start = Math.max(from?.getTime() ?? MIN, MIN);
  const end = Math.min(to?.getTime() ?? MAX, MAX);
  if (end <= start) return { periods: [], edges: [] };
  if (yearStart(start) === start && nextYear(start) === end) {
    return { direct: { kind: 'Y', periodStart: day(start) } };
  }
  if (monthStart(start) === start && nextMonth(start) === end) {
    return { direct: { kind: 'M', periodStart: day(start) } };
  }
  const mFrom = ceilTo(start, monthStart, nextMonth);
  const mTo = monthStart(end);
  if (mFrom >= mTo) return { periods: [], edges: [{ from: new Date(start), to: new Date(end) }] };
  const edges: Array<{ from: Date; to: Date }> = [];
  if (start < mFrom) edges.push({ from: new Date(start), to: new Date(mFrom) });
  if (mTo < end) edges.push({ from: new Date(mTo), to: new Date(end) });
  const yFrom = ceilTo(mFrom, yearStart, nextYear);
  const yTo = yearStart(mTo);
  const periods: PeriodSpan[] = [];
  if (yFrom < yTo) {
    if (mFrom < yFrom) periods.push({ kind: 'M', from: day(mFrom), to: day(yFrom) });
    periods.push({ kind: 'Y', from: day(yFrom), to: day(yTo) });
    if (yTo < mTo) periods.push({ kind: 'M', from: day(yTo), to: day(mTo) });
  } else {
    periods.push({ kind: 'M', from: day(mFrom), to: day(mTo) });
  }
  return { periods, edges };
}
