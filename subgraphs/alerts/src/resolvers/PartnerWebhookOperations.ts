import {
  connectionOf,
  instantKeyOf,
  pageRequest,
  parseInstantKey,
  type InstantKey,
  type PageRule,
} from '@poolgraph/platform';
import type {
  MutationResolvers,
  PartnerDeliveryResolvers,
  PartnerWebhookResolvers,
  QueryResolvers,
} from '../__generated__/resolvers.ts';
import { selectPartnerDeliveries, type PartnerDeliveryRow } from '../data/partnerDeliveries.ts';
import {
  addPartnerWebhook,
  listPartnerDeliveries,
  listPartnerWebhooks,
  partnerAttempts,
  redeliverPartnerWebhook,
  removePartnerWebhook,
  requireOwnedWebhook,
} from '../services/partnerWebhooks.ts';

/** partnerDeliveriesConnection: newest first by (createdAt, id), as selectPartnerDeliveries reads them. */
export const PARTNER_DELIVERY_PAGE: PageRule<PartnerDeliveryRow, InstantKey> = {
  kind: 'partner-delivery',
  defaultSize: 50,
  maxSize: 200,
  keyOf: (row) => instantKeyOf(row.createdAt, row.id),
  parseKey: parseInstantKey,
};

export const PartnerWebhookQueries: Pick<
  QueryResolvers,
  'partnerWebhooks' | 'partnerDeliveries' | 'partnerDeliveriesConnection'
> = {
  partnerWebhooks: (_parent, { apiKeyId }, context) => listPartnerWebhooks(context, apiKeyId),
  partnerDeliveries: (_parent, args, context) => listPartnerDeliveries(context, args),
  partnerDeliveriesConnection: async (_parent, { webhookId, status, ...args }, context) => {
    const { webhook } = await requireOwnedWebhook(context, webhookId);
    const request = pageRequest(args, PARTNER_DELIVERY_PAGE);
    const after = request.after;
    // The cursor only says where to continue: the rows are always this webhook's own.
    const rows = await selectPartnerDeliveries(context.db, {
      webhookId: webhook.id,
      status: status ?? undefined,
      after: after ? { createdAt: new Date(after.at), id: after.id } : undefined,
      limit: request.first + 1,
    });
    return connectionOf(rows, request, PARTNER_DELIVERY_PAGE);
  },
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
