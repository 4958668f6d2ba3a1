import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({ Alert: '../data/alerts.ts#AlertRow' });
