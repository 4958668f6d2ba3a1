import { randomBytes } from 'node:crypto';
import { requireRole } from '@poolgraph/auth';
import { badUserInput, isUuid, notFound, retryTransaction, uuidv7 } from '@poolgraph/platform';
import type { MutationResolvers } from '../__generated__/resolvers.ts';
import {
  countChannelsLocked,
  deleteChannel,
  insertChannel,
  selectChannelsByManager,
} from '../data/channels.ts';
import {
  killChannelNotifications,
  markRead,
  requeueNotification,
  selectNotificationsByIds,
} from '../data/notifications.ts';
import { checkWebhookUrl } from '../notify/ssrf.ts';

export const MAX_CHANNELS_PER_MANAGER = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const NotificationMutations: Pick<
  MutationResolvers,
  'addNotificationChannel' | 'removeNotificationChannel' | 'replayNotification' | 'markInboxRead'
> = {
  addNotificationChannel: async (_parent, { input }, { viewer, db, production, secrets }) => {
    const caller = requireRole(viewer, 'MANAGER');
    const id = uuidv7();
    let values: { url: string | null; email: string | null; secret: string | null };
    if (input.kind === 'WEBHOOK') {
      if (input.email != null) throw badUserInput('input.email', 'applies to EMAIL channels only.');
      if (!input.url) throw badUserInput('input.url', 'is required for a WEBHOOK channel.');
      const url = await checkWebhookUrl(input.url, production);
      values = { url: url.toString(), email: null, secret: randomBytes(32).toString('hex') };
    } else if (input.kind === 'EMAIL') {
      if (input.url != null) throw badUserInput('input.url', 'applies to WEBHOOK channels only.');
      const email = input.email?.trim() ?? '';
      if (email.length > 320 || !EMAIL.test(email)) {
        throw badUserInput('input.email', 'must be an email address (at most 320 characters).');
      }
      values = { url: null, email, secret: null };
    } else {
      throw badUserInput('input.kind', 'IN_APP always exists; add WEBHOOK or EMAIL.');
    }
    const row = { id, managerId: caller.userId, kind: input.kind, ...values };
    await retryTransaction(
      () =>
        db.transaction(async (tx) => {
          if ((await countChannelsLocked(tx, caller.userId)) >= MAX_CHANNELS_PER_MANAGER) {
            throw badUserInput(
              'input.kind',
              `at most ${MAX_CHANNELS_PER_MANAGER} channels per manager.`,
            );
          }
          await insertChannel(tx, secrets, row);
        }),
      { attempts: 20 },
    );
    const channel = (await selectChannelsByManager(db, caller.userId)).find((c) => c.id === id)!;
    return { channel, secret: values.secret };
  },

  removeNotificationChannel: async (_parent, { id }, { viewer, db }) => {
    const caller = requireRole(viewer, 'MANAGER');
    if (!isUuid(id) || !(await deleteChannel(db, id, caller.userId))) throw notFound('The channel');
    await killChannelNotifications(db, id);
    return true;
  },

  replayNotification: async (_parent, { id }, { viewer, db, kickDispatcher }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    const [row] = isUuid(id) ? await selectNotificationsByIds(db, [id]) : [];
    // Another manager's notification is, for this caller, not there at all.
    if (!row || row.managerId !== caller.userId) throw notFound('The notification');
    if (row.channel === 'IN_APP' || row.status === 'DELIVERED') {
      throw badUserInput(
        'id',
        `the notification is ${row.status} (${row.channel}); only DEAD or PENDING webhook and email notifications can be replayed.`,
      );
    }
    if (!(await requeueNotification(db, id, caller.userId, new Date()))) {
      throw badUserInput('id', 'the notification was delivered meanwhile.');
    }
    kickDispatcher();
    const [current] = await selectNotificationsByIds(db, [id]);
    return current!;
  },

  markInboxRead: async (_parent, { ids }, { viewer, db }) => {
    const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
    if (ids.length > 500) throw badUserInput('ids', 'at most 500 at once.');
    return markRead(db, ids.filter(isUuid), caller.userId, new Date());
  },
};
