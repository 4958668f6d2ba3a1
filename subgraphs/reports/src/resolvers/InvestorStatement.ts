import { money } from '@poolgraph/money';
import type {
  InvestorStatementResolvers,
  StatementLineResolvers,
} from '../__generated__/resolvers.ts';
import { statementCsv } from '../services/statementCsv.ts';
import { statementPdf } from '../services/statementPdf.ts';
import { proRataDistributions } from '../services/statements.ts';

export const InvestorStatement: InvestorStatementResolvers = {
  investor: (s) => ({ id: s.investorId }),
  from: (s) => s.from,
  to: (s) => s.to,
  lines: (s) => s.lines,
  csv: (s) => statementCsv(s),
  pdf: async (s) => (await statementPdf(s)).toString('base64'),
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
  distributionsReturnOfCapital: (l) => money(l.returnOfCapital, l.currency),
  distributionsPreferredReturn: (l) => money(l.preferredReturn, l.currency),
  distributionsProfitShare: (l) => money(l.profitShare, l.currency),
  distributionsProRata: (l) => money(proRataDistributions(l), l.currency),
  navShare: (l) => (l.nav ? money(l.nav.share, l.currency) : null),
  navDate: (l) => l.nav?.date ?? null,
};
