import { Readable } from 'node:stream';
import { connectMysql, type Mysql } from '@poolgraph/platform';
import { eventually, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { schema as ledgerSchema } from '@poolgraph/ledger/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTransactions, type ImportOptions } from '../import/importer.ts';

/** A file as an importer meets them: BOM, CRLF, quotes, three date formats, and mistakes. */
const FILE = [
  '\ufeffinvestor_id,syndicate_id,transaction_amount,transaction_date',
  'A-1,S-1,100.00,2024-01-15', // 2
  'A-1,S-2,250,2024-02-01 10:30:00', // 3
  '"A-2","S-1","1,000.00",2024-03-01', // 4: bad amount (a thousands separator)
  '"A-2","S-1","1000.50","2024-03-01T09:00:00Z"', // 5
  'A-3,S-2,abc,2024-03-02', // 6: bad amount
  'A-3,S-2,10,2024-02-30', // 7: not a calendar date
  'A-3,S-3,10', // 8: missing date
  'A-3,"S-3,10,2024-04-01', // 9: a quote never closed (the rest of the file would be one field)
].join('\r\n');

describe('npm run import (importTransactions)', () => {
  let stack: Stack;
  let admin: TestUser;
  let ledger: Mysql<typeof ledgerSchema>;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.admin();
    ledger = connectMysql({ url: stack.databases.ledger!.url }, ledgerSchema);
  });

  afterAll(async () => {
    await ledger?.close();
    await stack?.stop();
  });

  const run = async (text: string, extra: Partial<ImportOptions> = {}) => {
    const bad: Array<[number, string]> = [];
    const summary = await importTransactions({
      input: Readable.from([Buffer.from(text)]),
      gatewayUrl: stack.gatewayUrl,
      token: admin.token,
      ledgerDb: ledger.db,
      onBadRow: (line, problem) => bad.push([line, problem]),
      ...extra,
    });
    return { summary, bad };
  };
  const count = async (sql: string) => {
    const [rows] = await ledger.pool.query(sql);
    return Number((rows as Array<{ n: unknown }>)[0]!.n);
  };

  it('imports the good rows and reports each bad one by line number and reason', async () => {
    const { summary, bad } = await run(FILE);
    expect(bad.map(([line]) => line)).toEqual([4, 6, 7, 8, 9]);
    expect(bad[0]![1]).toMatch(/^transaction_amount: /);
    expect(bad[2]![1]).toMatch(/^transaction_date: .*not a calendar date/);
    expect(bad[3]![1]).toBe('expected 4 fields, got 3');
    expect(bad[4]![1]).toBe('a quoted field is never closed');
    expect(summary).toMatchObject({ rows: 8, posted: 3, replayed: 0, bad: 5 });
    expect(await count("SELECT COUNT(*) AS n FROM transactions WHERE type = 'CONTRIBUTION'")).toBe(
      3,
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM transactions');
    const { summary } = await run(FILE);
    expect(summary).toMatchObject({ posted: 0, replayed: 3, bad: 5 });
    expect(await count('SELECT COUNT(*) AS n FROM transactions')).toBe(before);
  });

  it('treats an identical row on another line as another contribution (identity = content + line)', async () => {
    const { summary } = await run(
      'investor_id,syndicate_id,transaction_amount,transaction_date\nA-9,S-9,5,2024-01-01\nA-9,S-9,5,2024-01-01\n',
    );
    expect(summary).toMatchObject({ posted: 2, bad: 0 });
  });

  it('creates the investors and pools it has not seen, with their dataset ids as externalId', async () => {
    const { summary } = await run(
      'investor_id,syndicate_id,transaction_amount,transaction_date\nB-1,T-1,7.25,2023-06-30\n',
    );
    expect(summary.posted).toBe(1);
    const [row] = (
      await ledger.pool.query(
        "SELECT pool_id, investor_id FROM transactions WHERE amount = 725 AND type = 'CONTRIBUTION'",
      )
    )[0] as Array<{ pool_id: string; investor_id: string }>;
    const { user, pool } = expectData(
      await graphql<{
        user: { externalId: string; roles: string[] };
        pool: { name: string; status: string; currency: string };
      }>(
        stack.gatewayUrl,
        'query($u: ID!, $p: ID!) { user(id: $u) { externalId roles } pool(id: $p) { name status currency } }',
        { u: row!.investor_id, p: row!.pool_id },
        admin,
      ),
    );
    expect(user).toEqual({ externalId: 'B-1', roles: ['INVESTOR'] });
    expect(pool).toEqual({ name: 'Imported pool T-1', status: 'CLOSED', currency: 'USD' });
    // Imported history reaches the reports like any other posting (relay → ledger.events).
    await eventually(async () => {
      const { investorStatement } = expectData(
        await graphql<{
          investorStatement: { lines: Array<{ contributions: { amount: string } }> };
        }>(
          stack.gatewayUrl,
          'query($i: ID!) { investorStatement(investorId: $i) { lines { contributions { amount } } } }',
          { i: row!.investor_id },
          admin,
        ),
      );
      expect(investorStatement.lines).toEqual([{ contributions: { amount: '7.25' } }]);
    }, 10_000);
  });

  it('tells no investor of imported history: the alerts worker takes it, and writes no notice', async () => {
    const { summary } = await run(
      'investor_id,syndicate_id,transaction_amount,transaction_date\nN-1,N-1,40,2022-05-02\nN-1,N-1,60,2022-06-01\n',
    );
    expect(summary.posted).toBe(2);
    const [events] = (await ledger.pool.query(
      "SELECT id FROM outbox WHERE type = 'TransactionPosted' AND JSON_EXTRACT(payload, '$.imported') IS NOT NULL",
    )) as unknown as [Array<{ id: string }>];
    expect(events.length).toBeGreaterThanOrEqual(2);
    const alerts = connectMysql({ url: stack.databases.alerts!.url }, {});
    try {
      const countIn = async (sql: string, values: unknown[]) => {
        const [rows] = await alerts.pool.query(sql, values);
        return Number((rows as Array<{ n: unknown }>)[0]!.n);
      };
      const ids = events.map((e) => e.id);
      // Each event applied by the alerts worker (its de-duplication rows), and no notice.
      await eventually(async () => {
        expect(
          await countIn('SELECT COUNT(*) AS n FROM processed_events WHERE event_id IN (?)', [ids]),
        ).toBe(ids.length);
      }, 15_000);
      expect(await countIn('SELECT COUNT(*) AS n FROM notices', [])).toBe(0);
    } finally {
      await alerts.close();
    }
  });

  it('refuses a file without the import header, and non-admins', async () => {
    await expect(run('a,b,c\n1,2,3\n')).rejects.toThrow(
      /line 1: the header has no "investor_id" column/,
    );
    const investor = await stack.signUp('INVESTOR');
    await expect(run(FILE, { token: investor.token })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
