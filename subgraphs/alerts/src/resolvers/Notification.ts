import { notFound } from '@poolgraph/platform';
import type { NotificationResolvers } from '../__generated__/resolvers.ts';

export const Notification: NotificationResolvers = {
  alert: async (notification, _args, { loaders }) => {
    const alert = await loaders.alertById.load(notification.alertId);
    if (!alert) throw notFound('The alert');
    return alert;
  },
  nextAttemptAt: (n) => (n.status === 'PENDING' ? n.nextAttemptAt : null),
  deliveryAttempts: (n, _args, { loaders }) => loaders.attemptsByNotificationId.load(n.id),
};
