import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  Pool: '../data/pools.ts#PoolRow',
  Membership: '../data/memberships.ts#MembershipRow',
  CapitalCall: '../data/capitalCalls.ts#CapitalCallRow',
  CapitalCallItem: '../data/capitalCalls.ts#CapitalCallItemRow',
  User: '../types.ts#UserRef',
  Money: '@poolgraph/money#MoneyValue',
});
