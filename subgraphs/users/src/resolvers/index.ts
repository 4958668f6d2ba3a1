import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { ApiKey } from './ApiKey.ts';
import { LogInStep } from './LogInStep.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  User,
  ApiKey,
  LogInStep,
};
