import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({ User: '../data/users.ts#UserRow' });
