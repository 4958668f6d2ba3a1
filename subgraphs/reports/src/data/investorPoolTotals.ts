import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { addOnDuplicate, selectRows, toBigInt, values } from './rows.ts';

/** Per investor and pool: totals by type (deltas when written, totals when read). */
export interface InvestorPoolTotalsRow {
  investorId: string;
  poolId: string;
  currency: string;
  contributed: bigint;
  distributed: bigint;
  fees: bigint;
  withdrawn: bigint;
  proceeds: bigint;
  /** The carried interest they bore. */
  carry: bigint;
  /** Of `distributed`: what waterfall distributions paid by tier. */
  returnOfCapital: bigint;
  preferredReturn: bigint;
  profitShare: bigint;
}

const SUMS = [
  'contributed',
  'distributed',
  'fees',
  'withdrawn',
  'proceeds',
  'carry',
  'return_of_capital',
  'preferred_return',
  'profit_share',
] as const;

/** The key of an investor's totals in a pool (what addInvestorPoolTotals reports as new). */
export const investorPoolKey = (r: Pick<InvestorPoolTotalsRow, 'investorId' | 'poolId'>) =>
  `${r.investorId}|${r.poolId}`;

const ROWS_PER_STATEMENT = 1000;

/**
 * addInvestorPoolTotals: adds each row's amounts to the investor's totals in the pool, and
 * returns the keys of the pools the investor first contributed to with these deltas: the pool
 * new to them for all time. Learned from the upsert itself (RETURNING: the totals after it;
 * contributions are positive, so `contributed` equal to its delta was zero before), under the
 * upsert's row lock, so two replicas cannot both count it.
 */
export async function addInvestorPoolTotals(
  tx: ReportsQueryable,
  deltas: readonly InvestorPoolTotalsRow[],
): Promise<Set<string>> {
  const firstContributions = new Set<string>();
  for (let i = 0; i < deltas.length; i += ROWS_PER_STATEMENT) {
    const slice = deltas.slice(i, i + ROWS_PER_STATEMENT);
    const rows = await selectRows<{ investor_id: string; pool_id: string; contributed: string }>(
      tx,
      sql`INSERT INTO investor_pool_totals (investor_id, pool_id, currency, ${sql.raw(SUMS.join(', '))})
          VALUES ${values(
            slice.map((d) => [
              d.investorId,
              d.poolId,
              d.currency,
              d.contributed,
              d.distributed,
              d.fees,
              d.withdrawn,
              d.proceeds,
              d.carry,
              d.returnOfCapital,
              d.preferredReturn,
              d.profitShare,
            ]),
          )}
          ${sql.raw(addOnDuplicate(SUMS))}
          RETURNING investor_id, pool_id, contributed`,
    );
    const contributed = new Map(slice.map((d) => [investorPoolKey(d), d.contributed]));
    for (const r of rows) {
      const key = investorPoolKey({ investorId: r.investor_id, poolId: r.pool_id });
      const delta = contributed.get(key) ?? 0n;
      if (delta > 0n && toBigInt(r.contributed) === delta) firstContributions.add(key);
    }
  }
  return firstContributions;
}

type Raw = Record<'investor_id' | 'pool_id' | 'currency' | (typeof SUMS)[number], string>;
const toRow = (r: Raw): InvestorPoolTotalsRow => ({
  investorId: r.investor_id,
  poolId: r.pool_id,
  currency: r.currency,
  contributed: toBigInt(r.contributed),
  distributed: toBigInt(r.distributed),
  fees: toBigInt(r.fees),
  withdrawn: toBigInt(r.withdrawn),
  proceeds: toBigInt(r.proceeds),
  carry: toBigInt(r.carry),
  returnOfCapital: toBigInt(r.return_of_capital),
  preferredReturn: toBigInt(r.preferred_return),
  profitShare: toBigInt(r.profit_share),
});

/** selectInvestorTotals: every pool an investor has money movements in. O(their pools). */
export async function selectInvestorTotals(
  db: ReportsQueryable,
  investorId: string,
): Promise<InvestorPoolTotalsRow[]> {
  const rows = await selectRows<Raw>(
    db,
    sql`SELECT * FROM investor_pool_totals WHERE investor_id = ${investorId} ORDER BY pool_id`,
  );
  return rows.map(toRow);
}

/** selectInvestorPoolTotals: one investor's totals in one pool, if any. */
export async function selectInvestorPoolTotals(
  db: ReportsQueryable,
  investorId: string,
  poolId: string,
): Promise<InvestorPoolTotalsRow | undefined> {
  const [row] = await selectRows<Raw>(
    db,
    sql`SELECT * FROM investor_pool_totals WHERE investor_id = ${investorId} AND pool_id = ${poolId}`,
  );
  return row && toRow(row);
}

/** countPoolInvestors: investors who contributed to the pool (index range on the pool). */
export async function countPoolInvestors(db: ReportsQueryable, poolId: string): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`SELECT COUNT(*) AS n FROM investor_pool_totals WHERE pool_id = ${poolId} AND contributed > 0`,
  );
  return Number(row?.n ?? 0);
}

/** selectPoolInvestorTotals: every investor's totals in one pool, by investor id. */
export async function selectPoolInvestorTotals(
  db: ReportsQueryable,
  poolId: string,
): Promise<InvestorPoolTotalsRow[]> {
  const rows = await selectRows<Raw>(
    db,
    sql`SELECT * FROM investor_pool_totals WHERE pool_id = ${poolId} ORDER BY investor_id`,
  );
  return rows.map(toRow);
}
