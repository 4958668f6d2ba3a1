import type { MutationResolvers } from '../__generated__/resolvers.ts';
import { recordValuation } from '../services/valuations.ts';

export const Mutation: MutationResolvers = {
  recordValuation: (_parent, { input }, context) => recordValuation(context, input),
};
