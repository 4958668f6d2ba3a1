import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type Mysql } from '@poolgraph/platform';
import type { TestDatabase } from '@poolgraph/testing';
import { checkBooks } from '../src/books.ts';
import type { schema } from '../src/db/index.ts';
import { openLedgerDatabase } from './ledgerDb.ts';

let database: TestDatabase;
let mysql: Mysql<typeof schema>;
const broken = uuidv7();
const sound = uuidv7();

beforeAll(async () => {
  ({ database, mysql } = await openLedgerDatabase());
  for (const [poolId, cash] of [
    [broken, 500],
    [sound, 0],
  ] as const) {
    await mysql.db.execute(
      sql`INSERT INTO pool_accounts (pool_id, currency, manager_id, cash_balance)
        VALUES (${poolId}, 'USD', ${uuidv7()}, ${cash})`,
    );
  }
  // A lone cash leg of 100 in the broken pool: its transaction and the ledger no longer sum to
  // zero, and the pool's stored cash (500) is not its entries' (100).
  await mysql.db.execute(
    sql`INSERT INTO entries (transaction_id, pool_id, investor_id, amount, currency)
      VALUES (${uuidv7()}, ${broken}, NULL, 100, 'USD')`,
  );
});
afterAll(async () => {
  await mysql.close();
  await database.drop();
});

const rulesOf = (problems: string[]) => problems.map((p) => p.slice(0, p.indexOf(': [')));

describe('the books check', () => {
  it('names each broken rule with its offending rows, and nothing for books that balance', async () => {
    const problems = await checkBooks(mysql.db);
    expect(rulesOf(problems)).toEqual([
      "a transaction's entries sum to zero per currency",
      'all entries sum to zero per currency',
      "a pool's stored cash and totals equal the sums of its entries and transactions",
    ]);
    expect(problems[2]).toContain(broken);
    expect(problems[2]).not.toContain(sound);
    // Mended, the same books balance.
    await mysql.db.execute(sql`DELETE FROM entries`);
    await mysql.db.execute(sql`UPDATE pool_accounts SET cash_balance = 0`);
    expect(await checkBooks(mysql.db)).toEqual([]);
  });
});
