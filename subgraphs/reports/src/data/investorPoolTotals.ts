import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { addOnDuplicate, insertRows, selectRows, toBigInt } from './rows.ts';

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

/** addInvestorPoolTotals: adds each row's amounts to the investor's totals in the pool. */
export async function addInvestorPoolTotals(
  tx: ReportsQueryable,
  deltas: readonly InvestorPoolTotalsRow[],
) {
  await insertRows(
    tx,
    'investor_pool_totals',
    ['investor_id', 'pool_id', 'currency', ...SUMS],
    deltas.map((d) => [
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
    addOnDuplicate(SUMS),
  );
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
