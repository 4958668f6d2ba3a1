import { DecimalScalar } from '@poolgraph/money';
import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { CapitalCall, CapitalCallItem } from './CapitalCall.ts';
import { Invitation, InviteLinkPreview } from './Invitation.ts';
import { Membership } from './Membership.ts';
import { Mutation } from './Mutation.ts';
import { Pool } from './Pool.ts';
import { PoolTerms } from './PoolTerms.ts';
import { Query } from './Query.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query,
  Mutation,
  Pool,
  PoolTerms,
  Membership,
  CapitalCall,
  CapitalCallItem,
  Invitation,
  InviteLinkPreview,
  User,
};
