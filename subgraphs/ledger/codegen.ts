import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  Pool: '../data/pools.ts#PoolRef',
  Transaction: '../data/transactions.ts#TransactionRow',
  Position: '../data/positions.ts#PositionValue',
  Membership: '../data/positions.ts#MembershipRef',
  TransactionConnection: '../data/transactions.ts#TransactionPage',
  BalanceChange: '../subscriptions/events.ts#BalanceChangeValue',
});
