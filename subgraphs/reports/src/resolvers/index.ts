import { DecimalScalar } from '@poolgraph/money';
import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { InvestorPerformance } from './InvestorPerformance.ts';
import { InvestorRanking } from './InvestorRanking.ts';
import { InvestorStatement, StatementLine } from './InvestorStatement.ts';
import { PerformancePoint } from './PerformancePoint.ts';
import { PoolPerformance } from './PoolPerformance.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Valuation } from './Valuation.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query,
  Mutation,
  InvestorRanking,
  PoolPerformance,
  PerformancePoint,
  InvestorStatement,
  StatementLine,
  Valuation,
  InvestorPerformance,
};
