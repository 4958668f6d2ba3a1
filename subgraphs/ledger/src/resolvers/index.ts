import { DecimalScalar } from '@poolgraph/money';
import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { BalanceChange } from './BalanceChange.ts';
import { BankStatementLine } from './BankStatementLine.ts';
import { DistributionPreview, DistributionPreviewMember } from './DistributionPreview.ts';
import { ManagementFeePreview, ManagementFeeShare } from './ManagementFeePreview.ts';
import { Membership } from './Membership.ts';
import { Mutation } from './Mutation.ts';
import { PaymentIntent, PaymentMismatch } from './PaymentIntent.ts';
import { Pool } from './Pool.ts';
import { Position } from './Position.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';
import { Transaction } from './Transaction.ts';
import { TransactionConnection } from './TransactionConnection.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query,
  Mutation,
  Subscription,
  BalanceChange,
  BankStatementLine,
  DistributionPreview,
  DistributionPreviewMember,
  ManagementFeePreview,
  ManagementFeeShare,
  Pool,
  PaymentIntent,
  PaymentMismatch,
  Membership,
  Position,
  Transaction,
  TransactionConnection,
};
