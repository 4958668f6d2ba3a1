import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  User: '../data/users.ts#UserRow',
  ApiKey: '../data/apiKeys.ts#ApiKeyRow',
  ApiKeyCreated: '../data/apiKeys.ts#ApiKeyCreatedRow',
  PayoutDetails: '../services/payoutDetails.ts#PayoutDetailsView',
});
