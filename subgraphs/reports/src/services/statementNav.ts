import type { ReportsQueryable } from '../db/index.ts';
import {
  selectPoolDailyMovements,
  type DailyMovementRow,
  type MovementType,
} from '../data/movements.ts';
import { selectLatestValuations } from '../data/valuations.ts';
import type { CapitalTotals } from './metrics.ts';
import { poolMetrics } from './poolMetrics.ts';

/** An investor's share of a pool's NAV, and the UTC day it is stated at. */
export interface NavShare {
  share: bigint;
  /** "YYYY-MM-DD": the pool's navDate as of the statement's end. */
  date: string;
}

/** The last UTC day a period ending at `to` (exclusive) covers. */
export const lastDayBefore = (to: Date): string =>
  new Date(to.getTime() - 1).toISOString().slice(0, 10);

const zero = (): CapitalTotals => ({ contributed: 0n, distributed: 0n, withdrawn: 0n, fees: 0n });

/** The movements that count toward capital totals (proceeds and carry move neither base). */
const CAPITAL_FIELD: Partial<Record<MovementType, keyof CapitalTotals>> = {
  CONTRIBUTION: 'contributed',
  DISTRIBUTION: 'distributed',
  WITHDRAWAL: 'withdrawn',
  FEE: 'fees',
};

/** Capital totals per investor and for the pool, from its daily movements. */
function totalsOf(daily: readonly DailyMovementRow[]) {
  const pool = zero();
  const investors = new Map<string, CapitalTotals & { investorId: string }>();
  for (const row of daily) {
    const field = CAPITAL_FIELD[row.type];
    if (!field) continue;
    let own = investors.get(row.investorId);
    if (!own) investors.set(row.investorId, (own = { investorId: row.investorId, ...zero() }));
    own[field] += row.total;
    pool[field] += row.total;
  }
  return { pool, investors: [...investors.values()] };
}

/**
 * statementNavShares: the investor's NAV share in each pool as of a statement's end (`to`,
 * exclusive; null: now), by the rule of poolPerformance's investor lines, applied to the pool as
 * it stood then: NAV = the latest valuation dated on or before the period's last day, moved by
 * the movements on later days before `to`; split over every investor by net contributed capital
 * before `to` (largest remainder, ties to the lower id). Pools without such a valuation have no
 * NAV share (absent). O(pools) for the valuations, then O(the pool's movements) per valued pool.
 */
export async function statementNavShares(
  db: ReportsQueryable,
  investorId: string,
  pools: ReadonlyArray<{ poolId: string; currency: string }>,
  to: Date | null,
): Promise<Map<string, NavShare>> {
  const valuations = await selectLatestValuations(
    db,
    pools.map((p) => p.poolId),
    to ? lastDayBefore(to) : null,
  );
  const shares = new Map<string, NavShare>();
  for (const { poolId, currency } of pools) {
    const valuation = valuations.get(poolId);
    if (!valuation) continue;
    const daily = await selectPoolDailyMovements(db, poolId, to ?? undefined);
    const totals = totalsOf(daily);
    const metrics = poolMetrics({
      poolId,
      currency,
      totals: totals.pool,
      latestValuation: { date: valuation.date, valueMinor: valuation.valueMinor },
      daily,
      investors: totals.investors,
    });
    const own = metrics.investors.find((line) => line.investorId === investorId);
    shares.set(poolId, { share: own?.navShare ?? 0n, date: metrics.navDate ?? valuation.date });
  }
  return shares;
}
