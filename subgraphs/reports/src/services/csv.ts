import { formatAmount } from '@poolgraph/money';
import type { StatementModel } from './statements.ts';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * pool names are written by managers, the CSV is opened by someone else.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const HEADER = [
  'pool_id',
  'pool_name',
  'currency',
  'opening_balance',
  'contributions',
  'distributions',
  'fees',
  'withdrawals',
  'closing_balance',
];

/** The statement as CSV, CRLF line ends, amounts as exact decimals (negative with "-"). */
export function statementCsv(statement: StatementModel): string {
  const rows = statement.lines.map((l) => {
    // Amounts are ours (never a formula), so they skip csvField: "-12.50" stays a number.
    const amounts = [l.opening, l.contributions, l.distributions, l.fees, l.withdrawals, l.closing];
    return [
      csvField(l.poolId),
      csvField(l.poolName ?? ''),
      csvField(l.currency),
      ...amounts.map((a) => formatAmount(a, l.currency)),
    ].join(',');
  });
  return [HEADER.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
