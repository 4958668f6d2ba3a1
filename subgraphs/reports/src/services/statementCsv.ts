import { formatAmount } from '@poolgraph/money';
import { csvDecimal as decimal, csvDocument, csvText as text } from '@poolgraph/platform';
import type { StatementModel } from './statements.ts';

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
  // Appended last, so the columns a reader relied on before keep their positions.
  'proceeds',
  'carry',
];

/** The statement as CSV: ids and names as quoted, inert text; amounts as bare exact decimals. */
export function statementCsv(statement: StatementModel): string {
  const rows = statement.lines.map((l) => {
    const amounts = [
      l.opening,
      l.contributions,
      l.distributions,
      l.fees,
      l.withdrawals,
      l.closing,
      l.proceeds,
      l.carry,
    ];
    return [
      text(l.poolId),
      text(l.poolName ?? ''),
      text(l.currency),
      ...amounts.map((a) => decimal(formatAmount(a, l.currency))),
    ];
  });
  return csvDocument(HEADER, rows);
}
