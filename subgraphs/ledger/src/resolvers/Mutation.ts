import type { MutationResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { markLeaving, markTransition } from '../services/sagas.ts';
import * as operations from '../movements/submit.ts';
import { confirmBankTransfer } from '../payments/bankTransfers.ts';
import { cancelContribution } from '../payments/ending.ts';
import { refundPayment } from '../payments/refunds.ts';
import { importBankStatement } from '../payments/statement.ts';
import { startContribution } from '../payments/intents.ts';
import { settlePayout, startDistribution } from '../payments/payouts.ts';

const deps = ({ poster, db, pools, caller, log, views, payments, policy }: Context) => ({
  poster,
  db,
  pools,
  caller,
  log,
  views,
  payments,
  policy,
});

export const Mutation: MutationResolvers = {
  contribute: (_parent, args, context) =>
    operations.contribute(deps(context), context.viewer, args),
  recordContribution: (_parent, args, context) =>
    operations.recordContribution(deps(context), context.viewer, args),
  distribute: (_parent, args, context) =>
    operations.distribute(deps(context), context.viewer, args),
  chargeFee: (_parent, args, context) => operations.chargeFee(deps(context), context.viewer, args),
  recordProceeds: (_parent, args, context) =>
    operations.recordProceeds(deps(context), context.viewer, args),
  withdraw: (_parent, args, context) =>
    operations.withdraw(
      deps(context),
      context.viewer,
      args,
      new Date(Date.now() + context.payments.timeoutsMs.BANK_TRANSFER),
    ),
  startContribution: (_parent, args, context) =>
    startContribution(deps(context), context.viewer, args),
  confirmBankTransfer: (_parent, args, context) =>
    confirmBankTransfer(context.payments, context.viewer, args),
  importBankStatement: (_parent, args, context) =>
    importBankStatement(context.payments, context.viewer, args),
  startDistribution: (_parent, args, context) =>
    startDistribution(deps(context), context.viewer, args),
  confirmPayout: (_parent, { transactionId }, context) =>
    settlePayout(context.payments, context.viewer, transactionId, 'POSTED'),
  voidPayout: (_parent, { transactionId }, context) =>
    settlePayout(context.payments, context.viewer, transactionId, 'VOIDED'),
  cancelContribution: (_parent, { transactionId }, context) =>
    cancelContribution(context.payments, context.viewer, transactionId),
  refundPayment: async (_parent, { transactionId }, context) => {
    const payment = await refundPayment(context.payments, context.viewer, transactionId);
    const transaction = (await context.loaders.transactionById.load(transactionId))!;
    return { transaction, payment, clientSecret: null, bank: null };
  },
  closePoolInLedger: (_parent, { poolId, revision }, context) =>
    markTransition(deps(context), context.viewer, poolId, revision, { to: 'CLOSED', on: true }),
  reopenPoolInLedger: (_parent, { poolId, revision }, context) =>
    markTransition(deps(context), context.viewer, poolId, revision, { to: 'CLOSED', on: false }),
  archivePoolInLedger: (_parent, { poolId, revision }, context) =>
    markTransition(deps(context), context.viewer, poolId, revision, { to: 'ARCHIVED', on: true }),
  unarchivePoolInLedger: (_parent, { poolId, revision }, context) =>
    markTransition(deps(context), context.viewer, poolId, revision, { to: 'ARCHIVED', on: false }),
  releaseMemberInLedger: (_parent, args, context) =>
    markLeaving(deps(context), context.viewer, args, true),
  keepMemberInLedger: (_parent, args, context) =>
    markLeaving(deps(context), context.viewer, args, false),
};
