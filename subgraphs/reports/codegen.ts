import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({ InvestorRanking: '../data/contributions.ts#InvestorRankingRow' });
