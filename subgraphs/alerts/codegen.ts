import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  Alert: '../data/alerts.ts#AlertRow',
  AlertRule: '../services/rules.ts#EffectiveRule',
  Money: '@poolgraph/money#MoneyValue',
  Pool: '../data/poolFacts.ts#PoolRef',
  NotificationChannel: '../data/channels.ts#ChannelRow',
  NotificationChannelCreated: '../data/channels.ts#ChannelCreated',
  Notification: '../data/notifications.ts#NotificationRow',
  Notice: '../data/notices.ts#NoticeRow',
  DeliveryAttempt: '../data/deliveryAttempts.ts#AttemptRow',
  PartnerWebhook: '../data/partnerWebhooks.ts#PartnerWebhookRow',
  PartnerWebhookCreated: '../services/partnerWebhooks.ts#WebhookWithSecret',
  PartnerDelivery: '../data/partnerDeliveries.ts#PartnerDeliveryRow',
});
