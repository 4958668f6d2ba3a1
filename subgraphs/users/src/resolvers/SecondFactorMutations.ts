import { requireViewer } from '@poolgraph/auth';
import type { MutationResolvers } from '../__generated__/resolvers.ts';
import { actAs } from './actAs.ts';

/** The second factor's and payout details' mutations (the rules: services/secondFactor.ts). */
export const secondFactorMutations: MutationResolvers = {
  startTotpEnrolment: (_parent, _args, { secondFactor, viewer }) =>
    secondFactor.startEnrolment(viewer),
  confirmTotpEnrolment: async (_parent, { code }, context) => {
    const enabled = await context.secondFactor.confirmEnrolment(
      context.viewer,
      code,
      context.clientAddress,
    );
    return { recoveryCodes: enabled.recoveryCodes, session: actAs(context, enabled.session) };
  },
  disableTotp: (_parent, { password, code }, context) =>
    context.secondFactor.disable(context.viewer, password, code, context.clientAddress),
  stepUp: (_parent, { code }, context) =>
    context.secondFactor.stepUp(context.viewer, code, context.clientAddress),
  setSecondFactorRequired: (_parent, { required }, { secondFactor, viewer }) =>
    secondFactor.setRequirement(viewer, required),
  setPayoutDetails: (_parent, { input }, { payoutDetails, viewer }) =>
    payoutDetails.set(requireViewer(viewer), input),
};
