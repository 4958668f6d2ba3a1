import { createHash } from 'node:crypto';
import { parseAmount } from '@poolgraph/money';
import type { CsvRecord } from './csv.ts';

/** The dataset's columns (the platform's original export), in any order. */
export const COLUMNS = [
  'investor_id',
  'syndicate_id',
  'transaction_amount',
  'transaction_date',
] as const;
type Column = (typeof COLUMNS)[number];

export interface ImportRow {
  line: number;
  investorExternalId: string;
  poolExternalId: string;
  amountMinor: bigint;
  occurredAt: Date;
  /**
   * The row's identity: its line number and its content (the four fields as written). The
   * same file imported again gives the same keys, so the ledger replays instead of posting.
   */
  idempotencyKey: string;
}

export type RowResult = { row: ImportRow } | { line: number; problem: string };

/** Column positions from the header record, or why the header is not the import format. */
export function readHeader(record: CsvRecord): Record<Column, number> | string {
  if (record.error) return `the header cannot be read: ${record.error}`;
  const names = record.fields.map((f) => f.trim().toLowerCase());
  const positions = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) return `the header has no "${column}" column (expected ${COLUMNS.join(',')})`;
    positions[column] = at;
  }
  return positions;
}

const EXTERNAL_ID = /^[\x21-\x7e]{1,64}$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Dates before this are surely typos (the ledger's DATETIME starts at year 1000 anyway). */
const EARLIEST = Date.UTC(1900, 0, 1);

/**
 * `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DD HH:MM:SS` (UTC) or ISO 8601 with `T`, optional
 * seconds and milliseconds, and `Z` or an offset (none = UTC). Rejects impossible dates
 * (2025-02-30), hours past 23 and instants in the future.
 */
export function parseDate(text: string, now = Date.now()): Date | string {
  const m = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
  if (!m) return `"${text.slice(0, 40)}" is not YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or ISO 8601`;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  if (hour! > 23 || minute! > 59 || second! > 59) return `"${text}" has an impossible time`;
  let at = Date.UTC(year!, month! - 1, day!, hour, minute, second, Number(ms.padEnd(3, '0')));
  const check = new Date(Date.UTC(year!, month! - 1, day!));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day
  ) {
    return `"${text}" is not a calendar date`;
  }
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    at -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  if (at < EARLIEST) return `"${text}" is before 1900`;
  if (at > now) return `"${text}" is in the future`;
  return new Date(at);
}

/** Validates one data record; the reason names the column. */
export function readRow(
  record: CsvRecord,
  columns: Record<Column, number>,
  currency: string,
): RowResult {
  const { line } = record;
  if (record.error) return { line, problem: record.error };
  const value = (c: Column) => record.fields[columns[c]]?.trim();
  const investor = value('investor_id');
  const pool = value('syndicate_id');
  const amount = value('transaction_amount');
  const date = value('transaction_date');
  if (investor === undefined || pool === undefined || amount === undefined || date === undefined) {
    return { line, problem: `expected ${COLUMNS.length} fields, got ${record.fields.length}` };
  }
  if (!EXTERNAL_ID.test(investor)) {
    return { line, problem: 'investor_id: must be 1 to 64 printable ASCII characters' };
  }
  if (!EXTERNAL_ID.test(pool)) {
    return { line, problem: 'syndicate_id: must be 1 to 64 printable ASCII characters' };
  }
  let amountMinor: bigint;
  try {
    amountMinor = parseAmount(amount, currency, { field: 'transaction_amount' });
  } catch (error) {
    return { line, problem: (error as Error).message };
  }
  const occurredAt = parseDate(date);
  if (typeof occurredAt === 'string') return { line, problem: `transaction_date: ${occurredAt}` };
  const content = [investor, pool, amount, date].join('\u0000');
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 32);
  return {
    row: {
      line,
      investorExternalId: investor,
      poolExternalId: pool,
      amountMinor,
      occurredAt,
      idempotencyKey: `import:${line}:${digest}`,
    },
  };
}
