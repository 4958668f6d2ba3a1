import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pdfLines } from '../../test/pdfText.ts';
import { STATEMENT_COLUMNS, statementCsv } from './statementCsv.ts';
import { PDF_ROWS, statementPdf } from './statementPdf.ts';
import type { StatementLineModel, StatementModel } from './statements.ts';

const line = (n: number, poolName: string, nav: StatementLineModel['nav']): StatementLineModel => ({
  poolId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  poolName,
  currency: n === 1 ? 'JPY' : 'USD',
  opening: 10_000n * BigInt(n),
  contributions: 125_050n,
  distributions: 84_000n,
  fees: 7n,
  withdrawals: 0n,
  proceeds: 3_000n,
  carry: 6_000n,
  closing: 38_043n + 10_000n * BigInt(n),
  returnOfCapital: 60_000n,
  preferredReturn: 4_800n,
  profitShare: 19_200n - BigInt(n),
  nav,
});

const statement: StatementModel = {
  investorId: '00000000-0000-4000-8000-00000000abcd',
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-07-01T00:00:00Z'),
  lines: [
    line(0, 'Growth =1+1 Fund', { share: 123_456n, date: '2026-06-30' }),
    line(1, 'Tokyo 日本 Fund', null),
  ],
};

describe('the statement PDF', () => {
  it('lays out every column of the CSV once, besides the pool id, name and currency heading it', () => {
    const laid = PDF_ROWS.map((r) => r.column.header);
    expect(new Set(laid).size).toBe(laid.length);
    expect([...laid, 'pool_id', 'pool_name', 'currency'].sort()).toEqual(
      STATEMENT_COLUMNS.map((c) => c.header).sort(),
    );
  });

  it('shows, per pool, every figure of the CSV with its label, in the CSV order', async () => {
    const pdf = await statementPdf(statement);
    const shown = pdfLines(pdf);
    expect(shown.slice(0, 3)).toEqual([
      'Capital account statement',
      `Investor ${statement.investorId}`,
      'From 2026-01-01 to 2026-07-01 (exclusive)',
    ]);
    const [header, ...rows] = parse(statementCsv(statement), {
      record_delimiter: '\r\n',
    }) as string[][];
    expect(rows).toHaveLength(2);
    const expected = rows.flatMap((row) => {
      const cells = new Map(header!.map((h, n) => [h, row[n]!]));
      return [
        cells.get('pool_name')!.replace(/[^\x20-\x7e]/g, '?'),
        `Pool ${cells.get('pool_id')}, amounts in ${cells.get('currency')}`,
        ...PDF_ROWS.map(({ column: c }) => `${c.label} | ${cells.get(c.header) || '-'}`),
      ];
    });
    expect(shown.slice(3)).toEqual(expected);
    // The figures themselves, as a reader checks them against the CSV.
    expect(shown).toContain('Distributions: profit share | 192.00');
    expect(shown).toContain('NAV share | 1234.56');
    expect(shown).toContain('NAV date | 2026-06-30');
    expect(shown).toContain('Distributions: profit share | 19199');
    expect(shown).toContain('NAV share | -');
  });

  it('says so when the period has no movements', async () => {
    const shown = pdfLines(await statementPdf({ ...statement, lines: [] }));
    expect(shown).toContain('No movements in this period.');
  });
});
