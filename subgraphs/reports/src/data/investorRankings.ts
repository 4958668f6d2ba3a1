import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import type { PeriodKind } from '../services/rankingPlan.ts';
import { addOnDuplicate, insertRows, selectRows, toBigInt } from './rows.ts';

export interface InvestorRankingRow {
  investorId: string;
  uniquePools: number;
  totalMinor: bigint;
  currency: string;
}

export interface RankingDelta {
  kind: PeriodKind;
  periodStart: string;
  currency: string;
  investorId: string;
  /** Pools that became distinct for the investor in this period with this batch. */
  newPools: number;
  amount: bigint;
}

/** addRankings: grows each investor's distinct pools and total in each period. */
export async function addRankings(tx: ReportsQueryable, deltas: readonly RankingDelta[]) {
  await insertRows(
    tx,
    'investor_rankings',
    ['kind', 'period_start', 'currency', 'investor_id', 'unique_pools', 'total_minor'],
    deltas.map((d) => [d.kind, d.periodStart, d.currency, d.investorId, d.newPools, d.amount]),
    addOnDuplicate(['unique_pools', 'total_minor']),
  );
}

/**
 * selectPeriodRanking: the top `limit` of one period (all time, a calendar year or month) in
 * ranking order: an index read of `limit` rows (investor_rankings_order), whatever the size.
 */
export async function selectPeriodRanking(
  db: ReportsQueryable,
  query: { kind: PeriodKind; periodStart: string; currency: string; limit: number },
): Promise<InvestorRankingRow[]> {
  const rows = await selectRows<{ investor_id: string; unique_pools: number; total_minor: string }>(
    db,
    sql`SELECT investor_id, unique_pools, total_minor FROM investor_rankings
        WHERE kind = ${query.kind} AND period_start = ${query.periodStart} AND currency = ${query.currency}
        ORDER BY unique_pools DESC, total_minor DESC, investor_id ASC
        LIMIT ${query.limit}`,
  );
  return rows.map((r) => ({
    investorId: r.investor_id,
    uniquePools: Number(r.unique_pools),
    totalMinor: toBigInt(r.total_minor),
    currency: query.currency,
  }));
}
