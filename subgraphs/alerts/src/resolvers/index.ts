import { DecimalScalar } from '@poolgraph/money';
import { DateTimeScalar } from '@poolgraph/platform';
import type { Resolvers } from '../__generated__/resolvers.ts';
import { Alert } from './Alert.ts';
import { AlertRule } from './AlertRule.ts';
import { Mutation } from './Mutation.ts';
import { Notice } from './Notice.ts';
import { Notification } from './Notification.ts';
import { PartnerDelivery, PartnerWebhook } from './PartnerWebhookOperations.ts';
import { Pool } from './Pool.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query,
  Mutation,
  Subscription,
  Alert,
  AlertRule,
  Notice,
  Notification,
  PartnerDelivery,
  PartnerWebhook,
  Pool,
};
