import { splitProRata } from '@poolgraph/money';
import type { InvestorPoolTotalsRow } from '../data/investorPoolTotals.ts';
import type { DailyMovementRow } from '../data/movements.ts';
import {
  formatRate,
  multiples,
  netAssetValue,
  netPaidIn,
  xirr,
  type CapitalTotals,
  type DatedFlow,
  type Multiples,
} from './metrics.ts';

/** One investor's line of a pool's performance (InvestorPerformance). */
export interface InvestorPerformanceModel extends Multiples, CapitalTotals {
  investorId: string;
  poolId: string;
  currency: string;
  navShare: bigint | null;
  irr: string | null;
}

/** A pool's metrics beyond its totals (the rest of PoolPerformance). */
export interface PoolMetricsModel extends Multiples {
  nav: bigint | null;
  navDate: string | null;
  irr: string | null;
  investors: InvestorPerformanceModel[];
}

export interface PoolMetricsInput {
  poolId: string;
  currency: string;
  /** The pool's totals (pool_totals: pool-level fees included). */
  totals: CapitalTotals;
  /** The latest valuation, if any. */
  latestValuation: { date: string; valueMinor: bigint } | null;
  /** The pool's movements per investor, day and type. */
  daily: readonly DailyMovementRow[];
  /** Every investor's totals in the pool. */
  investors: ReadonlyArray<CapitalTotals & Pick<InvestorPoolTotalsRow, 'investorId'>>;
}

/**
 * The investors' side of a day's movement: money in is negative, money back positive; proceeds
 * and carry borne move capital accounts, not money between the investor and the pool.
 */
const flowSign = {
  CONTRIBUTION: -1n,
  DISTRIBUTION: 1n,
  WITHDRAWAL: 1n,
  FEE: 0n,
  PROCEEDS: 0n,
  CARRY: 0n,
} as const;

/**
 * poolMetrics: NAV from the latest valuation and the movements on later days, the pool's
 * multiples and IRR, and each investor's NAV share (largest remainder over net contributed
 * capital, by investor id), multiples and IRR. Pure: the caller loads the rows.
 */
export function poolMetrics(input: PoolMetricsInput): PoolMetricsModel {
  const { latestValuation: valuation, daily } = input;
  let nav: bigint | null = null;
  let navDate: string | null = null;
  if (valuation) {
    const after = { contributed: 0n, distributed: 0n, withdrawn: 0n, fees: 0n };
    for (const row of daily) {
      if (row.day <= valuation.date) continue;
      if (row.type === 'CONTRIBUTION') after.contributed += row.total;
      // The carry the members bore left the pool too (paid to the manager).
      if (row.type === 'DISTRIBUTION' || row.type === 'CARRY') after.distributed += row.total;
      if (row.type === 'WITHDRAWAL') after.withdrawn += row.total;
      if (row.type === 'FEE') after.fees += row.total;
    }
    nav = netAssetValue(valuation.valueMinor, after);
    navDate = daily.reduce((latest, r) => (r.day > latest ? r.day : latest), valuation.date);
  }
  const investors = [...input.investors].sort((a, b) =>
    a.investorId < b.investorId ? -1 : a.investorId > b.investorId ? 1 : 0,
  );
  const weights = investors.map((i) => (netPaidIn(i) > 0n ? netPaidIn(i) : 0n));
  const shares =
    nav === null
      ? investors.map(() => null)
      : weights.some((w) => w > 0n)
        ? splitProRata(nav, weights)
        : investors.map(() => 0n);
  const rate = (flows: DatedFlow[], value: bigint | null) =>
    value === null || navDate === null
      ? null
      : formatRate(xirr([...flows, { day: navDate, amount: value }]));
  const flowsOf = (rows: readonly DailyMovementRow[]): DatedFlow[] =>
    rows.map((r) => ({ day: r.day, amount: flowSign[r.type] * r.total }));
  return {
    nav,
    navDate,
    ...multiples(input.totals, nav),
    irr: rate(flowsOf(daily), nav),
    investors: investors.map((totals, index) => {
      const navShare = shares[index] ?? null;
      const own = daily.filter((r) => r.investorId === totals.investorId);
      return {
        ...totals,
        poolId: input.poolId,
        currency: input.currency,
        navShare,
        ...multiples(totals, navShare),
        irr: rate(flowsOf(own), navShare),
      };
    }),
  };
}
