import { DecimalScalar } from '@poolgraph/money';
import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { InvestorRanking } from './InvestorRanking.ts';
import { InvestorStatement, StatementLine } from './InvestorStatement.ts';
import { PerformancePoint } from './PerformancePoint.ts';
import { PoolPerformance } from './PoolPerformance.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query,
  InvestorRanking,
  PoolPerformance,
  PerformancePoint,
  InvestorStatement,
  StatementLine,
};
