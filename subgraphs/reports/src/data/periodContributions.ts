import { sql, type SQL } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import type { PeriodKind, SpanPlan } from '../services/rankingPlan.ts';
import type { InvestorRankingRow } from './investorRankings.ts';
import { addOnDuplicate, list, selectRows, toBigInt, values } from './rows.ts';

export interface PeriodContributionRow {
  investorId: string;
  poolId: string;
  kind: PeriodKind;
  /** "YYYY-MM-DD", the period's first day (UTC). */
  periodStart: string;
  currency: string;
  amount: bigint;
}

/** The row's primary key, in its order. */
export const periodKey = (
  r: Pick<PeriodContributionRow, 'currency' | 'kind' | 'periodStart' | 'investorId' | 'poolId'>,
) => `${r.currency}|${r.kind}|${r.periodStart}|${r.investorId}|${r.poolId}`;

const ROWS_PER_STATEMENT = 1000;

/**
 * addPeriodContributions: adds amounts per (investor, pool, period), creating rows, and returns
 * the keys of the rows it created: a pool new to the investor in that period. One upsert with
 * RETURNING (the row after it: a created row holds exactly the delta, an existing one more,
 * since every delta is positive) instead of a locking read of every key before the write; the
 * upsert's own row lock keeps two replicas from both counting the same pool as new.
 */
export async function addPeriodContributions(
  tx: ReportsQueryable,
  deltas: readonly PeriodContributionRow[],
): Promise<Set<string>> {
  const created = new Set<string>();
  for (let i = 0; i < deltas.length; i += ROWS_PER_STATEMENT) {
    const slice = deltas.slice(i, i + ROWS_PER_STATEMENT);
    const rows = await selectRows<{
      currency: string;
      kind: PeriodKind;
      start: string;
      investor_id: string;
      pool_id: string;
      amount: string | number;
    }>(
      tx,
      sql`INSERT INTO period_contributions (investor_id, pool_id, kind, period_start, currency, amount)
          VALUES ${values(slice.map((d) => [d.investorId, d.poolId, d.kind, d.periodStart, d.currency, d.amount]))}
          ${sql.raw(addOnDuplicate(['amount']))}
          RETURNING currency, kind, DATE_FORMAT(period_start, '%Y-%m-%d') AS start, investor_id, pool_id, amount`,
    );
    const deltaOf = new Map(slice.map((d) => [periodKey(d), d.amount]));
    for (const r of rows) {
      const key = periodKey({
        currency: r.currency,
        kind: r.kind,
        periodStart: r.start,
        investorId: r.investor_id,
        poolId: r.pool_id,
      });
      if (toBigInt(r.amount) === deltaOf.get(key)) created.add(key);
    }
  }
  return created;
}

/**
 * selectPlannedRanking: a ranking over whole periods of period_contributions (all time: of
 * investor_pool_totals) plus the raw contributions of the partial edges, grouped per investor.
 * O(rows in the range's periods + contributions at the edges); `pools` (a manager's) narrows
 * every part to those pools.
 */
export async function selectPlannedRanking(
  db: ReportsQueryable,
  plan: SpanPlan,
  options: { currency: string; limit: number; pools?: readonly string[] },
): Promise<InvestorRankingRow[]> {
  const { currency, limit, pools } = options;
  if (pools && pools.length === 0) return [];
  const inPools = pools ? sql`AND pool_id IN (${list(pools)})` : sql``;
  const parts: SQL[] = [];
  for (const p of plan.periods) {
    if (p.kind === 'A') {
      parts.push(sql`SELECT investor_id, pool_id, contributed AS amount FROM investor_pool_totals
        WHERE currency = ${currency} AND contributed > 0 ${inPools}`);
      continue;
    }
    parts.push(sql`SELECT investor_id, pool_id, amount FROM period_contributions
      WHERE currency = ${currency} AND kind = ${p.kind}
        AND period_start >= ${p.from} AND period_start < ${p.to} ${inPools}`);
  }
  for (const edge of plan.edges) {
    parts.push(sql`SELECT investor_id, pool_id, amount_minor AS amount FROM contributions
      WHERE currency = ${currency} AND occurred_at >= ${edge.from} AND occurred_at < ${edge.to} ${inPools}`);
  }
  if (parts.length === 0) return [];
  const rows = await selectRows<{
    investor_id: string;
    unique_pools: number | string;
    total: string;
  }>(
    db,
    sql`SELECT investor_id, COUNT(DISTINCT pool_id) AS unique_pools, SUM(amount) AS total
        FROM (${sql.join(parts, sql` UNION ALL `)}) AS slice
        GROUP BY investor_id
        ORDER BY unique_pools DESC, total DESC, investor_id ASC
        LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    investorId: r.investor_id,
    uniquePools: Number(r.unique_pools),
    totalMinor: toBigInt(r.total),
    currency,
  }));
}
