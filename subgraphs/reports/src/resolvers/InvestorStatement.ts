import { money } from '@poolgraph/money';
import type {
  InvestorStatementResolvers,
  StatementLineResolvers,
} from '../__generated__/resolvers.ts';
import { statementCsv } from '../services/statementCsv.ts';

export const InvestorStatement: InvestorStatementResolvers = {
  investor: (s) => ({ id: s.investorId }),
  from: (s) => s.from,
  to: (s) => s.to,
  lines: (s) => s.lines,
  csv: (s) => statementCsv(s),
};

export const StatementLine: StatementLineResolvers = {
  pool: (l) => ({ id: l.poolId }),
  openingBalance: (l) => money(l.opening, l.currency),
  contributions: (l) => money(l.contributions, l.currency),
  distributions: (l) => money(l.distributions, l.currency),
  fees: (l) => money(l.fees, l.currency),
  withdrawals: (l) => money(l.withdrawals, l.currency),
  proceeds: (l) => money(l.proceeds, l.currency),
  carry: (l) => money(l.carry, l.currency),
  closingBalance: (l) => money(l.closing, l.currency),
};
