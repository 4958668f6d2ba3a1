import { requireRole } from '@poolgraph/auth';
import {
  connectionOf,
  instantKeyOf,
  isUuid,
  pageRequest,
  parseInstantKey,
  type InstantKey,
  type PageRule,
} from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { requireAlertReader, requireWatchablePool } from '../access.ts';
import { selectAlerts, type AlertRow } from '../data/alerts.ts';
import { selectNotifications, type NotificationRow } from '../data/notifications.ts';

export const DEFAULT_ALERTS_LIMIT = 100;
export const MAX_ALERTS_LIMIT = 500;
export const MAX_NOTIFICATIONS_LIMIT = 200;

/** alertsConnection: newest first by (raisedAt, id), as selectAlerts reads them. */
export const ALERT_PAGE: PageRule<AlertRow, InstantKey> = {
  kind: 'alert',
  defaultSize: DEFAULT_ALERTS_LIMIT,
  maxSize: MAX_ALERTS_LIMIT,
  keyOf: (row) => instantKeyOf(row.raisedAt, row.id),
  parseKey: parseInstantKey,
};

/** inboxConnection and notificationDeliveriesConnection: newest first by (createdAt, id). */
const notificationPage = (kind: string): PageRule<NotificationRow, InstantKey> => ({
  kind,
  defaultSize: 50,
  maxSize: MAX_NOTIFICATIONS_LIMIT,
  keyOf: (row) => instantKeyOf(row.createdAt, row.id),
  parseKey: parseInstantKey,
});
export const INBOX_PAGE = notificationPage('inbox');
export const DELIVERY_PAGE = notificationPage('delivery');

const instantCursor = (key: InstantKey | null) =>
  key === null ? undefined : { at: new Date(key.at), id: key.id };

/** The Query's connection fields (the list fields before them stay for one deprecation period). */
export const QueryConnections: Pick<
  QueryResolvers,
  'alertsConnection' | 'inboxConnection' | 'notificationDeliveriesConnection'
> = {
  alertsConnection: async (_parent, { poolId, status, ...args }, context) => {
    const reader = requireAlertReader(context.viewer);
    const request = pageRequest(args, ALERT_PAGE);
    // A malformed pool id names no pool, so it has no alerts (and must not reach SQL as such).
    if (poolId != null && !isUuid(poolId)) return connectionOf([], request, ALERT_PAGE);
    // A key asking for a pool it does not cover is told so, not given an empty page.
    if (poolId != null && reader.viewer.delegation) {
      await requireWatchablePool(context, reader, poolId);
    }
    const after = instantCursor(request.after);
    const rows = await selectAlerts(context.db, {
      managerId: reader.managerId,
      poolId: poolId ?? undefined,
      poolIds: reader.poolIds ?? undefined,
      status: status ?? undefined,
      after: after && { raisedAt: after.at, id: after.id },
      limit: request.first + 1,
    });
    for (const row of rows) context.loaders.alertById.prime(row.id, row);
    return connectionOf(rows, request, ALERT_PAGE);
  },

  inboxConnection: async (_parent, { unreadOnly, ...args }, { viewer, db }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    const request = pageRequest(args, INBOX_PAGE);
    const after = instantCursor(request.after);
    const rows = await selectNotifications(db, {
      managerId: caller.userId,
      inApp: true,
      unreadOnly: unreadOnly ?? false,
      after: after && { createdAt: after.at, id: after.id },
      limit: request.first + 1,
    });
    return connectionOf(rows, request, INBOX_PAGE);
  },

  notificationDeliveriesConnection: async (_parent, { status, ...args }, { viewer, db }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    const request = pageRequest(args, DELIVERY_PAGE);
    const after = instantCursor(request.after);
    const rows = await selectNotifications(db, {
      managerId: caller.userId,
      inApp: false,
      status: status ?? undefined,
      after: after && { createdAt: after.at, id: after.id },
      limit: request.first + 1,
    });
    return connectionOf(rows, request, DELIVERY_PAGE);
  },
};
