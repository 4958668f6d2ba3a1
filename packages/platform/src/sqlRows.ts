import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { format } from 'mysql2';

/**
 * Multi-row statements for the paths that write many rows at once (the ledger's postings, the
 * reports read models). drizzle's insert builder spends ~25 ms of CPU per 1,000 rows; mysql2's
 * own escaping (values as nested arrays) ~1 ms. Values are escaped by mysql2, never
 * concatenated; dates are written in UTC like every other connection of the pool.
 */
export function sqlValues(rows: unknown[][]): SQL {
  return sqlFormat('?', [rows]);
}

/** A comma-separated list of escaped scalars, for `IN (…)`. */
export function sqlList(items: readonly unknown[]): SQL {
  return sqlFormat('?', [items]);
}

/** A statement whose `?` are filled from `values` (an array fills as a list, nested as rows). */
export function sqlFormat(text: string, values: readonly unknown[]): SQL {
  return sql.raw(format(text, values as Parameters<typeof format>[1], false, 'Z'));
}

/** Anything drizzle can run a statement on: a database or an open transaction. */
export interface SqlExecutor {
  execute(query: SQL): Promise<unknown>;
}

const ROWS_PER_STATEMENT = 1000;

/** Runs `INSERT INTO <table> (<columns>) VALUES … <suffix>` in statements of at most 1000 rows. */
export async function insertRows(
  db: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  suffix = '',
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columns.map((c) => `\`${c}\``).join(', '))})
        VALUES ${sqlValues(rows.slice(i, i + ROWS_PER_STATEMENT))} ${sql.raw(suffix)}`,
    );
  }
}

/** The suffix that turns a multi-row INSERT into an update of existing (locked) rows. */
export const onDuplicateKeyUpdate = (columns: readonly string[]) =>
  `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`;

/** Statements that read one table's rows, its column list built once (see `tableRows`). */
export interface TableRows<Row> {
  /** `alias`.`column` AS `alias.column`, …: the table's columns in a joined SELECT. */
  columns(alias: string): string;
  /** One row of a joined SELECT whose columns came from `columns(alias)`; null when all are NULL (a LEFT JOIN's miss). */
  decode(raw: Readonly<Record<string, unknown>>, alias: string): Row | null;
  /** `SELECT <every column> FROM <table> <rest>`, `?` in `rest` filled (escaped) from `values`. */
  select(db: SqlExecutor, rest: string, values?: unknown[]): Promise<Row[]>;
}

/**
 * Reads of the hot paths (the ledger's posting pipeline runs several per posting): drizzle's
 * select builder spends a third of the ledger's CPU assembling statements it could have built
 * once. The column list is built here once; values are escaped by mysql2 as in `sqlValues`; rows
 * are decoded by the table's own columns, so a row is exactly what `db.select().from(table)`
 * returns (bigints, dates, JSON, custom types alike).
 */
export function tableRows<T extends MySqlTable>(table: T): TableRows<T['$inferSelect']> {
  type Row = T['$inferSelect'];
  const columns = Object.entries(getTableColumns(table));
  const name = getTableName(table);
  const head = `SELECT ${columns.map(([, c]) => `\`${c.name}\``).join(', ')} FROM \`${name}\``;
  const decode = (raw: Readonly<Record<string, unknown>>, prefix: string): Row | null => {
    const row: Record<string, unknown> = {};
    let found = false;
    for (const [key, column] of columns) {
      const value = raw[prefix + column.name];
      if (value === null || value === undefined) row[key] = null;
      else {
        found = true;
        row[key] = column.mapFromDriverValue(value);
      }
    }
    return found ? (row as Row) : null;
  };
  return {
    columns: (alias) =>
      columns.map(([, c]) => `${alias}.\`${c.name}\` AS \`${alias}.${c.name}\``).join(', '),
    decode: (raw, alias) => decode(raw, `${alias}.`),
    async select(db, rest, values = []) {
      const [rows] = (await db.execute(sqlFormat(`${head} ${rest}`, values))) as [
        Array<Record<string, unknown>>,
      ];
      return rows.map((raw) => decode(raw, '')!);
    },
  };
}
