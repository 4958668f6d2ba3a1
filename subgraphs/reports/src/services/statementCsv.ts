import { formatAmount } from '@poolgraph/money';
import { csvDecimal, csvDocument, csvText, type CsvCell } from '@poolgraph/platform';
import {
  proRataDistributions,
  type StatementLineModel,
  type StatementModel,
} from './statements.ts';

/** One column of a statement: its CSV header, its label in the PDF, and its value in a line. */
export interface StatementColumn {
  header: string;
  label: string;
  /** An exact decimal amount, or text; null is an empty cell. */
  value: (l: StatementLineModel) => { amount: string } | { text: string } | null;
}

const amount = (
  header: string,
  label: string,
  pick: (l: StatementLineModel) => bigint,
): StatementColumn => ({
  header,
  label,
  value: (l) => ({ amount: formatAmount(pick(l), l.currency) }),
});
const text = (
  header: string,
  label: string,
  pick: (l: StatementLineModel) => string | null,
): StatementColumn => ({
  header,
  label,
  value: (l) => {
    const value = pick(l);
    return value === null ? null : { text: value };
  },
});

/**
 * The statement's columns in CSV order: the CSV and the PDF are both written from this list, so
 * they show the same figures. New columns go at the end, so the columns a reader relied on
 * before keep their positions.
 */
export const STATEMENT_COLUMNS: readonly StatementColumn[] = [
  text('pool_id', 'Pool id', (l) => l.poolId),
  text('pool_name', 'Pool', (l) => l.poolName ?? ''),
  text('currency', 'Currency', (l) => l.currency),
  amount('opening_balance', 'Opening balance', (l) => l.opening),
  amount('contributions', 'Contributions', (l) => l.contributions),
  amount('distributions', 'Distributions', (l) => l.distributions),
  amount('fees', 'Fees', (l) => l.fees),
  amount('withdrawals', 'Withdrawals', (l) => l.withdrawals),
  amount('closing_balance', 'Closing balance', (l) => l.closing),
  amount('proceeds', 'Proceeds share', (l) => l.proceeds),
  amount('carry', 'Carry borne', (l) => l.carry),
  amount('return_of_capital', 'Distributions: return of capital', (l) => l.returnOfCapital),
  amount('preferred_return', 'Distributions: preferred return', (l) => l.preferredReturn),
  amount('profit_share', 'Distributions: profit share', (l) => l.profitShare),
  amount('pro_rata_distributions', 'Distributions: pro rata', proRataDistributions),
  {
    header: 'nav_share',
    label: 'NAV share',
    value: (l) => (l.nav ? { amount: formatAmount(l.nav.share, l.currency) } : null),
  },
  text('nav_date', 'NAV date', (l) => l.nav?.date ?? null),
];

const cell = (value: ReturnType<StatementColumn['value']>): CsvCell =>
  value === null ? csvText('') : 'amount' in value ? csvDecimal(value.amount) : csvText(value.text);

/** The statement as CSV: ids and names as quoted, inert text; amounts as bare exact decimals. */
export function statementCsv(statement: StatementModel): string {
  return csvDocument(
    STATEMENT_COLUMNS.map((c) => c.header),
    statement.lines.map((l) => STATEMENT_COLUMNS.map((c) => cell(c.value(l)))),
  );
}
