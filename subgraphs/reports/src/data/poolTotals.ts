import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { addOnDuplicate, insertRows, selectRows, toBigInt } from './rows.ts';

export interface PoolTotalsRow {
  poolId: string;
  currency: string;
  contributed: bigint;
  distributed: bigint;
  fees: bigint;
  withdrawn: bigint;
  proceeds: bigint;
}

const SUMS = ['contributed', 'distributed', 'fees', 'withdrawn', 'proceeds'] as const;

/** addPoolTotals: adds each row's amounts to the pool's totals. */
export async function addPoolTotals(tx: ReportsQueryable, deltas: readonly PoolTotalsRow[]) {
  await insertRows(
    tx,
    'pool_totals',
    ['pool_id', 'currency', ...SUMS],
    deltas.map((d) => [
      d.poolId,
      d.currency,
      d.contributed,
      d.distributed,
      d.fees,
      d.withdrawn,
      d.proceeds,
    ]),
    addOnDuplicate(SUMS),
  );
}

/** selectPoolTotals: undefined for a pool the ledger never posted to (as far as events tell). */
export async function selectPoolTotals(
  db: ReportsQueryable,
  poolId: string,
): Promise<PoolTotalsRow | undefined> {
  const [row] = await selectRows<Record<string, string>>(
    db,
    sql`SELECT * FROM pool_totals WHERE pool_id = ${poolId}`,
  );
  if (!row) return undefined;
  return {
    poolId,
    currency: row.currency!,
    contributed: toBigInt(row.contributed),
    distributed: toBigInt(row.distributed),
    fees: toBigInt(row.fees),
    withdrawn: toBigInt(row.withdrawn),
    proceeds: toBigInt(row.proceeds),
  };
}
