import { requireRole } from '@poolgraph/auth';
import { badUserInput, isUuid } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import {
  canSeeAlert,
  requireAlertReader,
  requireManagedPool,
  requireWatchablePool,
} from '../access.ts';
import { selectAlerts } from '../data/alerts.ts';
import { selectChannelsByManager } from '../data/channels.ts';
import { selectNotifications, selectNotificationsByIds } from '../data/notifications.ts';
import { selectRulesByPool } from '../data/rules.ts';
import { effectiveRules } from '../services/rules.ts';
import { NoticeQueries } from './NoticeOperations.ts';
import {
  DEFAULT_ALERTS_LIMIT,
  MAX_ALERTS_LIMIT,
  MAX_NOTIFICATIONS_LIMIT,
  QueryConnections,
} from './QueryConnections.ts';
import { PartnerWebhookQueries } from './PartnerWebhookOperations.ts';

function pageSize(field: string, value: number | null | undefined, fallback: number, max: number) {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw badUserInput(field, `must be between 1 and ${max}, got ${count}.`);
  }
  return count;
}

/** The notification a page starts after: one of the caller's own, or BAD_USER_INPUT. */
async function notificationCursor(db: Context['db'], managerId: string, after?: string | null) {
  if (!after) return undefined;
  const [cursor] = await selectNotificationsByIds(db, isUuid(after) ? [after] : []);
  if (!cursor || cursor.managerId !== managerId) {
    throw badUserInput('after', 'must be the id of a notification from the previous page.');
  }
  return cursor;
}

export const Query: QueryResolvers = {
  alerts: async (_parent, { poolId, status, first, after, limit }, context) => {
    const { viewer, db, loaders } = context;
    const reader = requireAlertReader(viewer);
    const count = pageSize(
      first != null ? 'first' : 'limit',
      first ?? limit,
      DEFAULT_ALERTS_LIMIT,
      MAX_ALERTS_LIMIT,
    );
    // A malformed pool id names no pool, so it has no alerts (and must not reach SQL as such).
    if (poolId != null && !isUuid(poolId)) return [];
    // A key asking for a pool it does not cover is told so, not given an empty list.
    if (poolId != null && reader.viewer.delegation) {
      await requireWatchablePool(context, reader, poolId);
    }
    let cursor: { raisedAt: Date; id: string } | undefined;
    if (after != null) {
      const previous = isUuid(after) ? await loaders.alertById.load(after) : null;
      if (!previous || !canSeeAlert(reader.viewer, previous)) {
        throw badUserInput('after', 'must be the id of an alert from the previous page.');
      }
      cursor = { raisedAt: previous.raisedAt, id: previous.id };
    }
    const rows = await selectAlerts(db, {
      managerId: reader.managerId,
      poolId: poolId ?? undefined,
      poolIds: reader.poolIds ?? undefined,
      status: status ?? undefined,
      after: cursor,
      limit: count,
    });
    for (const row of rows) loaders.alertById.prime(row.id, row);
    return rows;
  },

  alertRules: async (_parent, { poolId }, context) => {
    const pool = await requireManagedPool(context, poolId);
    return effectiveRules(pool, await selectRulesByPool(context.db, pool.poolId));
  },

  inbox: async (_parent, { unreadOnly, first, after }, { viewer, db }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    const limit = pageSize('first', first, 50, MAX_NOTIFICATIONS_LIMIT);
    const cursor = await notificationCursor(db, caller.userId, after);
    return selectNotifications(db, {
      managerId: caller.userId,
      inApp: true,
      unreadOnly: unreadOnly ?? false,
      after: cursor,
      limit,
    });
  },

  notificationChannels: async (_parent, _args, { viewer, db }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    return selectChannelsByManager(db, caller.userId);
  },

  notificationDeliveries: async (_parent, { status, first, after }, { viewer, db }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    const limit = pageSize('first', first, 50, MAX_NOTIFICATIONS_LIMIT);
    const cursor = await notificationCursor(db, caller.userId, after);
    return selectNotifications(db, {
      managerId: caller.userId,
      inApp: false,
      status: status ?? undefined,
      after: cursor,
      limit,
    });
  },

  ...NoticeQueries,
  ...QueryConnections,
  ...PartnerWebhookQueries,
};
