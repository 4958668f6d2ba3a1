import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { insertRows, list, selectRows } from './rows.ts';

/**
 * claimTransactions: records the transaction ids not applied before and returns them. A
 * concurrent replica claiming the same id makes the insert fail (duplicate key), so the
 * caller's transaction rolls back and the retry finds the id taken.
 */
export async function claimTransactions(
  tx: ReportsQueryable,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const seen = await selectRows<{ event_id: string }>(
    tx,
    sql`SELECT event_id FROM applied_transactions WHERE event_id IN (${list([...new Set(ids)])})`,
  );
  const taken = new Set(seen.map((r) => r.event_id));
  const fresh = new Set(ids.filter((id) => !taken.has(id)));
  await insertRows(
    tx,
    'applied_transactions',
    ['event_id'],
    [...fresh].map((id) => [id]),
  );
  return fresh;
}
