import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from '../import/csv.ts';
import { parseDate } from '../import/rows.ts';

async function records(chunks: Array<string | Buffer>, options = {}): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const input = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  for await (const r of readCsv(input, options)) out.push(r);
  return out;
}

describe('readCsv', () => {
  it('reads a byte-order mark, CRLF line ends and quoted fields with commas, quotes and newlines', async () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n\r\nlast,row';
    expect(await records([text])).toEqual([
      { line: 1, fields: ['a', 'b'], error: undefined },
      { line: 2, fields: ['x, y', 'say "hi"'], error: undefined },
      { line: 3, fields: ['two\r\nlines', 'z'], error: undefined },
      { line: 6, fields: ['last', 'row'], error: undefined },
    ]);
  });

  it('gives the same records whatever the chunk boundaries, even inside a UTF-8 character', async () => {
    const bytes = Buffer.from('\ufeffname,city\r\n"Zoë ""Z""",Zürich\r\n');
    const whole = await records([bytes]);
    const split = await records(Array.from(bytes, (b) => Buffer.from([b])));
    expect(split).toEqual(whole);
    expect(whole[1]!.fields).toEqual(['Zoë "Z"', 'Zürich']);
  });

  it('reads string chunks too, as the demo seed streams generated lines', async () => {
    const { generateTransactions } = await import('../import/generate.ts');
    const lines = [...generateTransactions({ rows: 50, investors: 10, pools: 3, seed: 1 })];
    const got: CsvRecord[] = [];
    for await (const r of readCsv(Readable.from(lines))) got.push(r);
    expect(got).toHaveLength(51);
    expect(got[0]!.fields).toEqual([
      'investor_id',
      'syndicate_id',
      'transaction_amount',
      'transaction_date',
    ]);
    expect(got.every((r) => r.fields.length === 4 && !r.error)).toBe(true);
  });

  it('reports malformed records by line and goes on with the next one', async () => {
    const got = await records(['ok,1\nbad"quote,2\n"closed"junk,3\nok,4\n"never closed,5\nx,y\n']);
    expect(got.map((r) => [r.line, r.error ?? null])).toEqual([
      [1, null],
      [2, 'a quote inside unquoted field 1'],
      [3, 'text after the closing quote of field 1'],
      [4, null],
      [5, 'a quoted field is never closed'],
    ]);
  });

  it('does not keep a huge field in memory, and says which field was too long', async () => {
    const huge = 'x'.repeat(5_000_000);
    const [first, second] = await records([`a,${huge}\n`, 'b,c\n'], { maxFieldLength: 100 });
    expect(first!.error).toBe('field 2 is longer than 100 characters');
    expect(first!.fields[1]!.length).toBe(100);
    expect(second).toEqual({ line: 2, fields: ['b', 'c'], error: undefined });
  });
});

describe('parseDate', () => {
  it('accepts YYYY-MM-DD, YYYY-MM-DD HH:MM:SS and ISO 8601, all as UTC unless an offset says otherwise', () => {
    expect(parseDate('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(parseDate('2024-02-29 13:14:15')).toEqual(new Date('2024-02-29T13:14:15Z'));
    expect(parseDate('2024-02-29T13:14:15.5Z')).toEqual(new Date('2024-02-29T13:14:15.500Z'));
    expect(parseDate('2024-02-29T13:14:15+02:00')).toEqual(new Date('2024-02-29T11:14:15Z'));
    expect(parseDate('2024-02-29T13:14')).toEqual(new Date('2024-02-29T13:14:00Z'));
  });

  it('rejects impossible and future dates, and other formats', () => {
    for (const text of [
      '2025-02-29',
      '2024-13-01',
      '2024-01-01 24:00:00',
      '01/02/2024',
      '2024-1-2',
      '3024-01-01',
      '1899-12-31',
      '',
    ]) {
      expect(typeof parseDate(text), text).toBe('string');
    }
  });
});
