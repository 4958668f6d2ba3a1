import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  Pool: '../data/poolAccounts.ts#PoolRef',
  Transaction: '../data/transactions.ts#TransactionRow',
  Position: '../data/investorAccounts.ts#PositionValue',
  Membership: '../data/investorAccounts.ts#MembershipRef',
  TransactionConnection: '../data/transactions.ts#TransactionPage',
  BalanceChange: '../subscriptions/transactionCache.ts#BalanceChangeValue',
  PaymentIntent: '../payments/intents.ts#PaymentIntentValue',
  PaymentMismatch: '../payments/reconcile.ts#Mismatch',
  DistributionPreview: '../waterfall/preview.ts#DistributionPreviewValue',
  DistributionPreviewMember: '../waterfall/preview.ts#PreviewMemberValue',
  ManagementFeePreview: '../fees/preview.ts#FeePreviewValue',
  ManagementFeeShare: '../fees/preview.ts#FeeShareValue',
});
