import { notFound } from '@poolgraph/platform';
import { isUuid } from '@poolgraph/platform';
import { investorLinesScope, requirePoolReader } from '../access.ts';
import type { Context } from '../context.ts';
import type { ReportsQueryable } from '../db/index.ts';
import {
  countPoolInvestors,
  selectInvestorPoolTotals,
  selectPoolInvestorTotals,
} from '../data/investorPoolTotals.ts';
import { selectPoolDailyMovements } from '../data/movements.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import type { PoolDayRow } from '../data/poolDays.ts';
import { selectPoolTotals } from '../data/poolTotals.ts';
import { selectPoolValuations, type ValuationRow } from '../data/valuations.ts';
import { poolMetrics, type PoolMetricsModel } from './poolMetrics.ts';

/** What PoolPerformance's resolvers start from (the series load on demand). */
export interface PoolPerformanceModel {
  poolId: string;
  currency: string;
  committed: bigint;
  called: bigint;
  contributed: bigint;
  distributed: bigint;
  fees: bigint;
  withdrawn: bigint;
  proceeds: bigint;
  investorCount: number;
  /** Whose investor lines the caller sees. */
  lines: { all: true } | { all: false; investorId: string };
  /** The pool's valuations, newest first (loaded once, on demand). */
  valuations: () => Promise<ValuationRow[]>;
  /** NAV, multiples, IRR and investor lines (loaded and computed once, on demand). */
  metrics: () => Promise<PoolMetricsModel>;
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
};

/**
 * loadPoolMetrics: reads what the metrics need (the pool's valuations, its movements per
 * investor and day, every investor's totals) and computes them. O(the pool's movements).
 */
export async function loadPoolMetrics(
  db: ReportsQueryable,
  pool: { poolId: string; currency: string; totals: PoolMetricsInputTotals },
  valuations: () => Promise<ValuationRow[]>,
): Promise<PoolMetricsModel> {
  const [[latest], daily, investors] = await Promise.all([
    valuations(),
    selectPoolDailyMovements(db, pool.poolId),
    selectPoolInvestorTotals(db, pool.poolId),
  ]);
  return poolMetrics({
    poolId: pool.poolId,
    currency: pool.currency,
    totals: pool.totals,
    latestValuation: latest ?? null,
    daily,
    investors,
  });
}

type PoolMetricsInputTotals = Parameters<typeof poolMetrics>[0]['totals'];

/**
 * poolPerformance: totals from pool_totals, commitments from pool_facts, the investor count
 * from investor_pool_totals. O(1) rows plus an index range over the pool's investors.
 */
export async function poolPerformance(
  context: Context,
  poolId: string,
): Promise<PoolPerformanceModel> {
  const { readDb: db, viewer } = context;
  if (!isUuid(poolId)) throw notFound('Pool');
  const [facts] = await selectPoolFactsByIds(db, [poolId]);
  const totals = await selectPoolTotals(db, poolId);
  if (!facts && !totals) throw notFound('Pool');
  const isInvestor =
    viewer !== null && (await selectInvestorPoolTotals(db, viewer.userId, poolId)) !== undefined;
  const pool = { id: poolId, managerId: facts?.managerId ?? null };
  requirePoolReader(viewer, { ...pool, isInvestor });
  const currency = totals?.currency ?? facts!.currency;
  const sums = {
    contributed: totals?.contributed ?? 0n,
    distributed: totals?.distributed ?? 0n,
    fees: totals?.fees ?? 0n,
    withdrawn: totals?.withdrawn ?? 0n,
    proceeds: totals?.proceeds ?? 0n,
  };
  const valuations = once(() => selectPoolValuations(db, poolId));
  return {
    poolId,
    currency,
    committed: facts?.committedMinor ?? 0n,
    called: facts?.calledMinor ?? 0n,
    ...sums,
    investorCount: await countPoolInvestors(db, poolId),
    lines: investorLinesScope(viewer, pool),
    valuations,
    metrics: once(() => loadPoolMetrics(db, { poolId, currency, totals: sums }, valuations)),
  };
}

/** One day or month of a pool's series, with the pool's currency. */
export interface PerformancePointModel extends PoolDayRow {
  currency: string;
}
