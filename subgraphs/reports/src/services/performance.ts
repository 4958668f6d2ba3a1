import { notFound } from '@poolgraph/platform';
import { isUuid } from '@poolgraph/platform';
import { requirePoolReader } from '../access.ts';
import type { Context } from '../context.ts';
import { countPoolInvestors, selectInvestorPoolTotals } from '../data/investorPoolTotals.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import type { PoolDayRow } from '../data/poolDays.ts';
import { selectPoolTotals } from '../data/poolTotals.ts';

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
}

const DPI_DECIMALS = 6n;

/** distributed / contributed to 6 decimals, rounded down; null without paid-in capital. */
export function dpi(distributed: bigint, contributed: bigint): string | null {
  if (contributed <= 0n) return null;
  const scaled = (distributed * 10n ** DPI_DECIMALS) / contributed;
  const digits = scaled.toString().padStart(Number(DPI_DECIMALS) + 1, '0');
  return `${digits.slice(0, -Number(DPI_DECIMALS))}.${digits.slice(-Number(DPI_DECIMALS))}`;
}

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
  requirePoolReader(viewer, { id: poolId, managerId: facts?.managerId ?? null, isInvestor });
  return {
    poolId,
    currency: totals?.currency ?? facts!.currency,
    committed: facts?.committedMinor ?? 0n,
    called: facts?.calledMinor ?? 0n,
    contributed: totals?.contributed ?? 0n,
    distributed: totals?.distributed ?? 0n,
    fees: totals?.fees ?? 0n,
    withdrawn: totals?.withdrawn ?? 0n,
    proceeds: totals?.proceeds ?? 0n,
    investorCount: await countPoolInvestors(db, poolId),
  };
}

/** One day or month of a pool's series, with the pool's currency. */
export interface PerformancePointModel extends PoolDayRow {
  currency: string;
}
