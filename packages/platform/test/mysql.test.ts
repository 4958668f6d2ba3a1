import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectMysql } from '../src/mysql.ts';
import { sqlValues } from '../src/sqlRows.ts';

// Only SELECTs of literals: the server's own `mysql` schema is enough, nothing is written.
const server = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const mysql = connectMysql({ url: `${server}/mysql`, connectionLimit: 1 }, {});
afterAll(() => mysql.close());

const rowOf = async (text: string, values?: unknown[]) =>
  ((await mysql.pool.query(text, values))[0] as Array<Record<string, unknown>>)[0];

describe('statements sent through the pools (queryFormat)', () => {
  it('fills `?` from values as mysql2 does: escaped, dates in UTC, quoted `?` left alone', async () => {
    expect(
      await rowOf("SELECT ? AS a, ? AS b, 'what?' AS c, ? AS d", [
        1,
        "it's; DROP TABLE x",
        new Date('2026-01-02T03:04:05.678Z'),
      ]),
    ).toEqual({ a: 1, b: "it's; DROP TABLE x", c: 'what?', d: '2026-01-02 03:04:05.678' });
  });

  it('sends a statement without values as it is, `?` and all', async () => {
    expect(await rowOf("SELECT 'a ? b' AS e, '??' AS f")).toEqual({ e: 'a ? b', f: '??' });
    expect(await rowOf("SELECT 'a ? b' AS e", [])).toEqual({ e: 'a ? b' });
  });

  it('runs drizzle statements, parameterized and preformatted, unchanged', async () => {
    const [params] = (await mysql.db.execute(
      sql`SELECT ${'x?'} AS g, ${2n ** 60n} AS h`,
    )) as unknown as [Array<Record<string, unknown>>];
    expect(params[0]).toEqual({ g: 'x?', h: String(2n ** 60n) });
    const [rows] = (await mysql.db.execute(
      sql`SELECT * FROM (VALUES ${sqlValues([['q?', 1]])}) AS v`,
    )) as unknown as [Array<Record<string, unknown>>];
    // A VALUES table's columns are named by its first row.
    expect(rows[0]).toEqual({ 'q?': 'q?', 1: 1 });
  });
});
