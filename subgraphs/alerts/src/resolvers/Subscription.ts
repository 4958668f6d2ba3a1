import { resumeOf } from '@poolgraph/platform';
import type { SubscriptionResolvers } from '../__generated__/resolvers.ts';
import { canSeeAlert, requireAlertReader, requireWatchablePool } from '../access.ts';
import { alertFromEvent, ALL_ALERTS } from '../events/alertStream.ts';
import { NoticeSubscriptions } from './NoticeOperations.ts';

export const Subscription: SubscriptionResolvers = {
  alertRaised: {
    /**
     * At subscribe time: ADMIN, MANAGER or a manager's delegated key, and for one pool its
     * manager (or an admin, or a key covering it), else FORBIDDEN and nothing is subscribed.
     * Per event: the alert's recorded manager, an admin, or a key of that manager covering the
     * alert's pool. Results carry their stream cursor; a subscribe message with
     * `extensions.resumeAfter` (the gateway, after losing its socket) gets what it missed
     * first, through the same filter.
     */
    subscribe: async (_root, { poolId }, context) => {
      const reader = requireAlertReader(context.viewer);
      if (poolId != null) await requireWatchablePool(context, reader, poolId);
      return context.alertEvents.subscribe(ALL_ALERTS, {
        ...resumeOf(context),
        keep: (event) => {
          const alert = alertFromEvent(event);
          if (poolId != null && alert.poolId !== poolId) return false;
          return canSeeAlert(reader.viewer, alert);
        },
        map: (event) => ({ alertRaised: alertFromEvent(event) }),
      });
    },
  },
  ...NoticeSubscriptions,
};
