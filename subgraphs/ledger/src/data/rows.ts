import { sql } from 'drizzle-orm';
import { format } from 'mysql2';
import type { LedgerQueryable } from '../db/index.ts';

/**
 * Multi-row statements for the posting paths. drizzle's insert builder spends ~25 ms of CPU per
 * 1000 rows; mysql2's own escaping (values as nested arrays) takes ~1 ms, which is what lets
 * the bulk path post thousands of transactions per second. Values are escaped by mysql2, never
 * concatenated; dates are written in UTC like every other connection of the pool.
 */
export function values(rows: unknown[][]): ReturnType<typeof sql.raw> {
  return sql.raw(format('?', [rows] as Parameters<typeof format>[1], false, 'Z'));
}

/** A comma-separated list of escaped scalars, for `IN (…)`. */
export function list(items: readonly unknown[]): ReturnType<typeof sql.raw> {
  return sql.raw(format('?', [items] as Parameters<typeof format>[1], false, 'Z'));
}

const ROWS_PER_STATEMENT = 1000;

/** Runs `INSERT INTO <table> (<columns>) VALUES … <suffix>` in statements of at most 1000 rows. */
export async function insertRows(
  db: LedgerQueryable,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  suffix = '',
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columns.map((c) => `\`${c}\``).join(', '))})
        VALUES ${values(rows.slice(i, i + ROWS_PER_STATEMENT))} ${sql.raw(suffix)}`,
    );
  }
}

/** The suffix that turns a multi-row INSERT into an update of existing (locked) rows. */
export const BALANCE_UPDATE = (columns: string[]) =>
  `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
