import type { SQL } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';

/** The platform's multi-row statement helpers, under the names the read models use. */
export { insertRows, sqlList as list, sqlValues as values } from '@poolgraph/platform';

/** `col = col + VALUES(col)` for each column: an upsert that adds deltas. */
export const addOnDuplicate = (columns: readonly string[]): string =>
  `ON DUPLICATE KEY UPDATE ${columns.map((c) => `\`${c}\` = \`${c}\` + VALUES(\`${c}\`)`).join(', ')}`;

/** The rows of a SELECT run through `execute` (mysql2 returns [rows, fields]). */
export async function selectRows<T>(db: ReportsQueryable, query: SQL): Promise<T[]> {
  const [rows] = (await db.execute(query)) as unknown as [T[]];
  return rows;
}

/** A SUM or DECIMAL column as mysql2 returns it (a string; null over no rows) as a bigint. */
export const toBigInt = (value: unknown): bigint =>
  value === null || value === undefined ? 0n : BigInt(String(value));

/** A DATETIME column as a raw `execute` returns it ("2026-01-31 12:00:00.000", UTC) as a Date. */
export const toInstant = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
