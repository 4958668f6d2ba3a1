import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { Alert } from './Alert.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Alert };
