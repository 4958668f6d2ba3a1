import { hasRole, requireRole } from '@poolgraph/auth';
import { resumeAfterOf } from '@poolgraph/platform';
import type { SubscriptionResolvers } from '../__generated__/resolvers.ts';
import { requireManagedPool } from '../access.ts';
import { alertFromEvent, ALL_ALERTS } from '../events/alertStream.ts';
import { NoticeSubscriptions } from './NoticeOperations.ts';

export const Subscription: SubscriptionResolvers = {
  alertRaised: {
    /**
     * At subscribe time: ADMIN or MANAGER, and for one pool its manager (or an admin), else
     * FORBIDDEN and nothing is subscribed. Per event: the alert's recorded manager, or an admin.
     * Results carry their stream cursor; a subscribe message with `extensions.resumeAfter` (the
     * gateway, after losing its socket) gets what it missed first, through the same filter.
     */
    subscribe: async (_root, { poolId }, context) => {
      const viewer = requireRole(context.viewer, 'ADMIN', 'MANAGER');
      if (poolId != null) await requireManagedPool(context, poolId);
      const admin = hasRole(viewer, 'ADMIN');
      return context.alertEvents.subscribe(ALL_ALERTS, {
        resumeAfter: resumeAfterOf(context),
        keep: (event) => {
          const alert = alertFromEvent(event);
          if (poolId != null && alert.poolId !== poolId) return false;
          return admin || alert.managerId === viewer.userId;
        },
        map: (event) => ({ alertRaised: alertFromEvent(event) }),
      });
    },
  },
  ...NoticeSubscriptions,
};
