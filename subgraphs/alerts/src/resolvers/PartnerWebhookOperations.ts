import type {
  MutationResolvers,
  PartnerDeliveryResolvers,
  PartnerWebhookResolvers,
  QueryResolvers,
} from '../__generated__/resolvers.ts';
import {
  addPartnerWebhook,
  listPartnerDeliveries,
  listPartnerWebhooks,
  partnerAttempts,
  redeliverPartnerWebhook,
  removePartnerWebhook,
} from '../services/partnerWebhooks.ts';

export const PartnerWebhookQueries: Pick<QueryResolvers, 'partnerWebhooks' | 'partnerDeliveries'> =
  {
    partnerWebhooks: (_parent, { apiKeyId }, context) => listPartnerWebhooks(context, apiKeyId),
    partnerDeliveries: (_parent, args, context) => listPartnerDeliveries(context, args),
  };

export const PartnerWebhookMutations: Pick<
  MutationResolvers,
  'addPartnerWebhook' | 'removePartnerWebhook' | 'redeliverPartnerWebhook'
> = {
  addPartnerWebhook: (_parent, { input }, context) => addPartnerWebhook(context, input),
  removePartnerWebhook: (_parent, { id }, context) => removePartnerWebhook(context, id),
  redeliverPartnerWebhook: (_parent, args, context) => redeliverPartnerWebhook(context, args),
};

export const PartnerWebhook: PartnerWebhookResolvers = {
  apiKeyId: (webhook) => webhook.keyId,
};

export const PartnerDelivery: PartnerDeliveryResolvers = {
  pool: (delivery) => ({ id: delivery.poolId }),
  nextAttemptAt: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
  deliveryAttempts: (delivery, _args, context) => partnerAttempts(context, delivery),
};
