import { isUuid } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { ledgerHistory, ledgerHistoryConnection } from './LedgerHistoryPage.ts';
import { readPosition } from './Membership.ts';
import { visibleTransaction } from './Transaction.ts';
import { paymentMismatches, paymentMismatchesConnection } from './paymentMismatches.ts';
import { decodeCursor } from './TransactionConnection.ts';
import { previewDistribution } from '../waterfall/distributionPreview.ts';
import { previewManagementFee } from '../fees/feePreview.ts';
import { transactionHistoryCsv, transactionHistoryPage } from '../services/transactionHistory.ts';

export const Query: QueryResolvers = {
  position: async (_parent, { poolId, investorId }, context) => {
    if (!isUuid(poolId) || !isUuid(investorId)) return null;
    const position = await readPosition(poolId, investorId, null, context);
    // An investor who never moved money in the pool has no position.
    const account =
      position && (await context.loaders.investorAccountByKey.load(`${poolId}:${investorId}`));
    return account ? position : null;
  },
  transaction: (_parent, { id }, context) => visibleTransaction(id, context),
  previewDistribution: (_parent, args, context) =>
    previewDistribution(context, context.viewer, args),
  managementFeePreview: (_parent, args, context) =>
    previewManagementFee(context, context.viewer, args),
  ledgerHistory: (_parent, args, context) => ledgerHistory(args, context),
  ledgerHistoryConnection: (_parent, args, context) => ledgerHistoryConnection(args, context),
  paymentMismatches: (_parent, args, context) => paymentMismatches(args, context),
  paymentMismatchesConnection: (_parent, args, context) =>
    paymentMismatchesConnection(args, context),
  transactionHistory: (_parent, { filter, first, after }, context) =>
    transactionHistoryPage(filter ?? {}, first ?? 20, after ? decodeCursor(after) : null, context),
  transactionHistoryCsv: (_parent, { filter }, context) =>
    transactionHistoryCsv(filter ?? {}, context),
};
