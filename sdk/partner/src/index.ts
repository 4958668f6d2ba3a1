/**
 * Poolgraph's partner SDK: the operations of the partner manifest, typed and called by id with
 * an API key; paging; live feeds; webhook signature checks. README.md walks through it.
 */
export { createPartnerClient, type PartnerClient, type PartnerClientOptions } from './client.ts';
export { PartnerCallError, type PartnerGraphQLError } from './errors.ts';
export {
  partnerOperations,
  type CallName,
  type DataOf,
  type OperationName,
  type PartnerOperationTypes,
  type SubscriptionName,
  type VariablesOf,
} from './operations.ts';
export type { ConnectionPage, IdListPage, PagedName } from './paging.ts';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyPartnerEvent,
  verifyWebhook,
  WebhookVerificationError,
  type AlertWebhook,
  type WebhookDelivery,
  type WebhookHeaders,
  type WebhookRejection,
} from './webhooks.ts';
export {
  parsePartnerEvent,
  type PartnerAlert,
  type PartnerAlertKind,
  type PartnerEvent,
  type PartnerEventType,
  type PartnerMoney,
  type PartnerTransaction,
  type PartnerTransactionStatus,
  type PartnerTransactionType,
} from './partnerEvents.ts';
export type * from './__generated__/operations.ts';
