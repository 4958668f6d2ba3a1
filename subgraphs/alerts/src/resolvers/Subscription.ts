import { hasRole, requireRole } from '@poolgraph/auth';
import { pipeEvents } from '@poolgraph/platform';
import type { SubscriptionResolvers } from '../__generated__/resolvers.ts';
import { requireManagedPool } from '../access.ts';
import { alertFromMessage } from '../events/alertChannel.ts';

export const Subscription: SubscriptionResolvers = {
  alertRaised: {
    /**
     * At subscribe time: ADMIN or MANAGER, and for one pool its manager (or an admin), else
     * FORBIDDEN and nothing is subscribed. Per event: the alert's recorded manager, or an admin.
     */
    subscribe: async (_root, { poolId }, context) => {
      const viewer = requireRole(context.viewer, 'ADMIN', 'MANAGER');
      if (poolId != null) await requireManagedPool(context, poolId);
      const admin = hasRole(viewer, 'ADMIN');
      const source = context.pubsub.asyncIterableIterator<unknown>(context.alertsChannel);
      return pipeEvents(
        source,
        (message) => {
          const alert = alertFromMessage(message);
          if (poolId != null && alert.poolId !== poolId) return false;
          return admin || alert.managerId === viewer.userId;
        },
        (message) => ({ alertRaised: alertFromMessage(message) }),
      );
    },
  },
};
