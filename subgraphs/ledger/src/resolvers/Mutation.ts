import type { MutationResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { markClosing, markLeaving } from '../services/sagas.ts';
import * as operations from '../services/operations.ts';
import { confirmBankTransfer } from '../payments/bankTransfers.ts';
import { startContribution } from '../payments/intents.ts';
import { settlePayout, startDistribution } from '../payments/payouts.ts';

const deps = ({ poster, db, pools, caller, log, views, payments }: Context) => ({
  poster,
  db,
  pools,
  caller,
  log,
  views,
  payments,
});

export const Mutation: MutationResolvers = {
  contribute: (_parent, args, context) =>
    operations.contribute(deps(context), context.viewer, args),
  recordContribution: (_parent, args, context) =>
    operations.recordContribution(deps(context), context.viewer, args),
  distribute: (_parent, args, context) =>
    operations.distribute(deps(context), context.viewer, args),
  chargeFee: (_parent, args, context) => operations.chargeFee(deps(context), context.viewer, args),
  withdraw: (_parent, args, context) => operations.withdraw(deps(context), context.viewer, args),
  startContribution: (_parent, args, context) =>
    startContribution(deps(context), context.viewer, args),
  confirmBankTransfer: (_parent, args, context) =>
    confirmBankTransfer(context.payments, context.viewer, args),
  startDistribution: (_parent, args, context) =>
    startDistribution(deps(context), context.viewer, args),
  confirmPayout: (_parent, { transactionId }, context) =>
    settlePayout(context.payments, context.viewer, transactionId, 'POSTED'),
  voidPayout: (_parent, { transactionId }, context) =>
    settlePayout(context.payments, context.viewer, transactionId, 'VOIDED'),
  closePoolInLedger: (_parent, { poolId, revision }, context) =>
    markClosing(deps(context), context.viewer, poolId, revision, true),
  reopenPoolInLedger: (_parent, { poolId, revision }, context) =>
    markClosing(deps(context), context.viewer, poolId, revision, false),
  releaseMemberInLedger: (_parent, args, context) =>
    markLeaving(deps(context), context.viewer, args, true),
  keepMemberInLedger: (_parent, args, context) =>
    markLeaving(deps(context), context.viewer, args, false),
};
