import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { addOnDuplicate, insertRows, selectRows, toBigInt } from './rows.ts';

export interface PoolDayRow {
  poolId: string;
  /** "YYYY-MM-DD" (UTC) when written; "YYYY-MM-DD" or "YYYY-MM" when read by day or month. */
  period: string;
  contributed: bigint;
  distributed: bigint;
}

/** addPoolDays: adds contributions and distributions to each pool's day. */
export async function addPoolDays(tx: ReportsQueryable, deltas: readonly PoolDayRow[]) {
  await insertRows(
    tx,
    'pool_days',
    ['pool_id', 'day', 'contributed', 'distributed'],
    deltas.map((d) => [d.poolId, d.period, d.contributed, d.distributed]),
    addOnDuplicate(['contributed', 'distributed']),
  );
}

/**
 * selectPoolSeries: the pool's days (or months, grouped from its days), oldest first; with
 * `page`, `limit` periods after `afterPeriod`. O(the pool's days with activity).
 */
export async function selectPoolSeries(
  db: ReportsQueryable,
  poolId: string,
  by: 'DAY' | 'MONTH',
  page?: { afterPeriod: string | null; limit: number },
): Promise<PoolDayRow[]> {
  const period = by === 'DAY' ? sql`DATE_FORMAT(day, '%Y-%m-%d')` : sql`DATE_FORMAT(day, '%Y-%m')`;
  // Periods are zero-padded, so they compare as strings in time order.
  const after = page?.afterPeriod ? sql` HAVING period > ${page.afterPeriod}` : sql``;
  const limit = page ? sql` LIMIT ${page.limit}` : sql``;
  const rows = await selectRows<{ period: string; contributed: string; distributed: string }>(
    db,
    sql`SELECT ${period} AS period, SUM(contributed) AS contributed, SUM(distributed) AS distributed
        FROM pool_days WHERE pool_id = ${poolId} GROUP BY period${after} ORDER BY period${limit}`,
  );
  return rows.map((r) => ({
    poolId,
    period: r.period,
    contributed: toBigInt(r.contributed),
    distributed: toBigInt(r.distributed),
  }));
}
