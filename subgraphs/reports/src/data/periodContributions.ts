import { sql, type SQL } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import type { PeriodKind, SpanPlan } from '../services/rankingPlan.ts';
import type { InvestorRankingRow } from './investorRankings.ts';
import { addOnDuplicate, insertRows, list, selectRows, toBigInt, values } from './rows.ts';

export interface PeriodContributionRow {
  investorId: string;
  poolId: string;
  kind: PeriodKind;
  /** "YYYY-MM-DD", the period's first day (UTC). */
  periodStart: string;
  currency: string;
  amount: bigint;
}

export const periodKey = (
  r: Pick<PeriodContributionRow, 'investorId' | 'poolId' | 'kind' | 'periodStart'>,
) => `${r.investorId}|${r.poolId}|${r.kind}|${r.periodStart}`;

/**
 * Keys per lookup statement: MariaDB's range optimizer plans a row-constructor IN list in time
 * that grows faster than its length (thousands of tuples spend seconds in "Statistics"); up to
 * eq_range_index_dive_limit (200) tuples it is a set of primary-key dives.
 */
const KEYS_PER_LOOKUP = 200;

/**
 * selectExistingPeriodKeys: which of these (investor, pool, period) rows exist already, read
 * with FOR UPDATE so that two replicas cannot both count the same pool as new. Primary-key
 * lookups of exactly these keys: O(keys), whatever the table's size.
 */
export async function selectExistingPeriodKeys(
  tx: ReportsQueryable,
  rows: readonly PeriodContributionRow[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < rows.length; i += KEYS_PER_LOOKUP) {
    const keys = rows
      .slice(i, i + KEYS_PER_LOOKUP)
      .map((r) => [r.investorId, r.poolId, r.kind, r.periodStart]);
    const existing = await selectRows<{
      investor_id: string;
      pool_id: string;
      kind: PeriodKind;
      start: string;
    }>(
      tx,
      sql`SELECT investor_id, pool_id, kind, DATE_FORMAT(period_start, '%Y-%m-%d') AS start
          FROM period_contributions
          WHERE (investor_id, pool_id, kind, period_start) IN (${values(keys)}) FOR UPDATE`,
    );
    for (const r of existing) {
      found.add(
        periodKey({
          investorId: r.investor_id,
          poolId: r.pool_id,
          kind: r.kind,
          periodStart: r.start,
        }),
      );
    }
  }
  return found;
}

/** addPeriodContributions: adds amounts per (investor, pool, period), creating rows. */
export async function addPeriodContributions(
  tx: ReportsQueryable,
  deltas: readonly PeriodContributionRow[],
) {
  await insertRows(
    tx,
    'period_contributions',
    ['investor_id', 'pool_id', 'kind', 'period_start', 'currency', 'amount'],
    deltas.map((d) => [d.investorId, d.poolId, d.kind, d.periodStart, d.currency, d.amount]),
    addOnDuplicate(['amount']),
  );
}

/**
 * selectPlannedRanking: a ranking over whole periods of period_contributions plus the raw
 * contributions of the partial edges, grouped per investor. O(rows in the range's periods +
 * contributions at the edges); `pools` (a manager's) narrows every part to those pools.
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
