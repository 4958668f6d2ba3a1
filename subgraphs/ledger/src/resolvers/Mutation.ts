import type { MutationResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { markClosing } from '../services/closing.ts';
import * as operations from '../services/operations.ts';

const deps = ({ poster, db, pools, caller, log }: Context) => ({ poster, db, pools, caller, log });

export const Mutation: MutationResolvers = {
  contribute: (_parent, args, context) =>
    operations.contribute(deps(context), context.viewer, args),
  recordContribution: (_parent, args, context) =>
    operations.recordContribution(deps(context), context.viewer, args),
  distribute: (_parent, args, context) =>
    operations.distribute(deps(context), context.viewer, args),
  chargeFee: (_parent, args, context) => operations.chargeFee(deps(context), context.viewer, args),
  withdraw: (_parent, args, context) => operations.withdraw(deps(context), context.viewer, args),
  closePoolInLedger: (_parent, { poolId, revision }, context) =>
    markClosing(deps(context), context.viewer, poolId, revision, true),
  reopenPoolInLedger: (_parent, { poolId, revision }, context) =>
    markClosing(deps(context), context.viewer, poolId, revision, false),
};
