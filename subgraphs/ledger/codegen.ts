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
  BankStatementLine: '../payments/statement.ts#StatementLineResult',
  DistributionPreview: '../waterfall/distributionPreview.ts#DistributionPreviewValue',
  DistributionPreviewMember: '../waterfall/distributionPreview.ts#PreviewMemberValue',
  ManagementFeePreview: '../fees/feePreview.ts#FeePreviewValue',
  ManagementFeeShare: '../fees/feePreview.ts#FeeShareValue',
});
