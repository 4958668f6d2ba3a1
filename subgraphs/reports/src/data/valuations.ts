import { sql, type SQL } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { selectRows, toBigInt, toInstant } from './rows.ts';

/** A manager's valuation of a pool on a UTC day. */
export interface ValuationRow {
  id: string;
  poolId: string;
  /** "YYYY-MM-DD" (UTC). */
  date: string;
  currency: string;
  valueMinor: bigint;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * insertValuation: records the valuation unless the pool already has one for that day (then
 * false), or, with `replace`, overwrites that day's value, note, author and time (keeping its id).
 */
export async function insertValuation(
  tx: ReportsQueryable,
  v: ValuationRow,
  replace: boolean,
): Promise<boolean> {
  const onDuplicate = replace
    ? sql`ON DUPLICATE KEY UPDATE value_minor = VALUES(value_minor), note = VALUES(note),
        recorded_by = VALUES(recorded_by), recorded_at = VALUES(recorded_at)`
    : sql``;
  const [result] = (await tx.execute(sql`
    INSERT ${replace ? sql`` : sql`IGNORE`} INTO valuations
      (id, pool_id, valuation_date, currency, value_minor, note, recorded_by, recorded_at)
    VALUES (${v.id}, ${v.poolId}, ${v.date}, ${v.currency}, ${v.valueMinor}, ${v.note},
      ${v.recordedBy}, ${v.recordedAt})
    ${onDuplicate}`)) as unknown as [{ affectedRows: number }];
  return result.affectedRows > 0 || replace;
}

type Raw = {
  id: string;
  pool_id: string;
  valuation_date: string;
  currency: string;
  value_minor: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Date | string;
};
const toRow = (r: Raw): ValuationRow => ({
  id: r.id,
  poolId: r.pool_id,
  date: r.valuation_date,
  currency: r.currency,
  valueMinor: toBigInt(r.value_minor),
  note: r.note,
  recordedBy: r.recorded_by,
  recordedAt: toInstant(r.recorded_at),
});

/** selectPoolValuations: a pool's valuations, newest day first (primary key range). */
export async function selectPoolValuations(
  db: ReportsQueryable,
  poolId: string,
): Promise<ValuationRow[]> {
  const rows = await selectRows<Raw>(
    db,
    sql`SELECT id, pool_id, DATE_FORMAT(valuation_date, '%Y-%m-%d') AS valuation_date, currency,
          value_minor, note, recorded_by, recorded_at
        FROM valuations WHERE pool_id = ${poolId} ORDER BY valuation_date DESC`,
  );
  return rows.map(toRow);
}

/** selectValuation: the pool's valuation of that day, if any. */
export async function selectValuation(
  db: ReportsQueryable,
  poolId: string,
  date: string,
): Promise<ValuationRow | undefined> {
  const rows = await selectRows<Raw>(
    db,
    sql`SELECT id, pool_id, DATE_FORMAT(valuation_date, '%Y-%m-%d') AS valuation_date, currency,
          value_minor, note, recorded_by, recorded_at
        FROM valuations WHERE pool_id = ${poolId} AND valuation_date = ${date}`,
  );
  return rows[0] && toRow(rows[0]);
}

/**
 * selectLatestValuations: each pool's latest valuation on or before `onOrBefore` ("YYYY-MM-DD";
 * null: the latest of all), for any number of pools in one query (the primary key's range per
 * pool). Pools without one are absent.
 */
export async function selectLatestValuations(
  db: ReportsQueryable,
  poolIds: readonly string[],
  onOrBefore: string | null,
): Promise<Map<string, ValuationRow>> {
  if (poolIds.length === 0) return new Map();
  const until = (column: SQL) => (onOrBefore ? sql`AND ${column} <= ${onOrBefore}` : sql``);
  const rows = await selectRows<Raw>(
    db,
    sql`SELECT id, pool_id, DATE_FORMAT(valuation_date, '%Y-%m-%d') AS valuation_date, currency,
          value_minor, note, recorded_by, recorded_at
        FROM valuations v
        WHERE pool_id IN (${sql.join(
          poolIds.map((id) => sql`${id}`),
          sql`, `,
        )}) ${until(sql`v.valuation_date`)}
          AND valuation_date = (SELECT MAX(w.valuation_date) FROM valuations w
            WHERE w.pool_id = v.pool_id ${until(sql`w.valuation_date`)})`,
  );
  return new Map(rows.map((r) => [r.pool_id, toRow(r)]));
}
