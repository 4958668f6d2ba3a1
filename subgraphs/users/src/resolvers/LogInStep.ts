import type { LogInStepResolvers } from '../__generated__/resolvers.ts';

/** A challenge has `challenge`; a session has tokens. */
export const LogInStep: LogInStepResolvers = {
  __resolveType: (step) => ('challenge' in step ? 'SecondFactorChallenge' : 'AuthPayload'),
};
