import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  InvestorRanking: '../data/investorRankings.ts#InvestorRankingRow',
  PoolPerformance: '../services/performance.ts#PoolPerformanceModel',
  InvestorStatement: '../services/statements.ts#StatementModel',
  StatementLine: '../services/statements.ts#StatementLineModel',
  PerformancePoint: '../services/performance.ts#PerformancePointModel',
  Valuation: '../data/valuations.ts#ValuationRow',
  InvestorPerformance: '../services/poolMetrics.ts#InvestorPerformanceModel',
});
