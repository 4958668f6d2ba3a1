import { requireViewer } from '@poolgraph/auth';
import {
  asState,
  badUserInput,
  connectionOf,
  instantKeyOf,
  isUuid,
  pageRequest,
  parseInstantKey,
  resumeOf,
  type InstantKey,
  type PageRule,
} from '@poolgraph/platform';
import type {
  MutationResolvers,
  QueryResolvers,
  SubscriptionResolvers,
} from '../__generated__/resolvers.ts';
import {
  countUnreadNotices,
  selectNoticeOf,
  selectNotices,
  type NoticeRow,
} from '../data/notices.ts';
import { NOTICE_CREATED, noticeFromEvent, noticeKey, readNotices } from '../events/noticeEvents.ts';
import {
  noticeEmailAddressOf,
  noticePreferencesOf,
  setNoticePreference,
} from '../services/noticePreferences.ts';

export const MAX_NOTICES_PAGE = 200;
export const MAX_NOTICES_MARKED = 500;

/** noticesConnection: newest first by (createdAt, id), as selectNotices reads them. */
export const NOTICE_PAGE: PageRule<NoticeRow, InstantKey> = {
  kind: 'notice',
  defaultSize: 50,
  maxSize: MAX_NOTICES_PAGE,
  keyOf: (row) => instantKeyOf(row.createdAt, row.id),
  parseKey: parseInstantKey,
};

/** Every notice operation is the caller's own: the investor id is always the caller's. */
export const NoticeQueries: Pick<
  QueryResolvers,
  'notices' | 'noticesConnection' | 'unreadNoticeCount' | 'noticePreferences' | 'noticeEmailAddress'
> = {
  notices: async (_parent, { first, after, unreadOnly }, { viewer, db }) => {
    const caller = requireViewer(viewer);
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NOTICES_PAGE) {
      throw badUserInput('first', `must be between 1 and ${MAX_NOTICES_PAGE}, got ${limit}.`);
    }
    let cursor: { createdAt: Date; id: string } | undefined;
    if (after) {
      const previous = isUuid(after) ? await selectNoticeOf(db, after, caller.userId) : undefined;
      if (!previous)
        throw badUserInput('after', 'must be the id of a notice from the previous page.');
      cursor = { createdAt: previous.createdAt, id: previous.id };
    }
    return selectNotices(db, {
      investorId: caller.userId,
      unreadOnly: unreadOnly ?? false,
      after: cursor,
      limit,
    });
  },

  noticesConnection: async (_parent, { unreadOnly, ...args }, { viewer, db }) => {
    const caller = requireViewer(viewer);
    const request = pageRequest(args, NOTICE_PAGE);
    const after = request.after;
    const rows = await selectNotices(db, {
      investorId: caller.userId,
      unreadOnly: unreadOnly ?? false,
      after: after ? { createdAt: new Date(after.at), id: after.id } : undefined,
      limit: request.first + 1,
    });
    return connectionOf(rows, request, NOTICE_PAGE);
  },

  unreadNoticeCount: async (_parent, _args, { viewer, db }) =>
    countUnreadNotices(db, requireViewer(viewer).userId),
  noticePreferences: (_parent, _args, { viewer, db }) => noticePreferencesOf(db, viewer),
  noticeEmailAddress: (_parent, _args, { viewer, db }) => noticeEmailAddressOf(db, viewer),
};

export const NoticeMutations: Pick<MutationResolvers, 'markNoticesRead' | 'setNoticePreference'> = {
  setNoticePreference: (_parent, { kind, email }, { viewer, db }) =>
    setNoticePreference(db, viewer, kind, email),
  markNoticesRead: async (_parent, { ids }, { viewer, db, kickRelay }) => {
    const caller = requireViewer(viewer);
    if (ids != null && ids.length > MAX_NOTICES_MARKED) {
      throw badUserInput('ids', `at most ${MAX_NOTICES_MARKED} ids at once, got ${ids.length}.`);
    }
    // Malformed ids name no notice: they change nothing (and never reach SQL as such).
    const own = ids == null ? null : ids.filter(isUuid);
    const changed = await readNotices(db, caller.userId, own, new Date());
    if (changed > 0) kickRelay();
    return changed;
  },
};

export const NoticeSubscriptions: Pick<
  SubscriptionResolvers,
  'noticeReceived' | 'unreadNoticeCount'
> = {
  noticeReceived: {
    /** Keyed by investor on the stream tail, so a subscriber is only ever handed their own. */
    subscribe: (_root, _args, context) => {
      const viewer = requireViewer(context.viewer);
      return context.alertEvents.subscribe(noticeKey(viewer.userId), {
        ...resumeOf(context),
        keep: (event) =>
          event.type === NOTICE_CREATED && noticeFromEvent(event).investorId === viewer.userId,
        map: (event) => ({ noticeReceived: noticeFromEvent(event) }),
      });
    },
  },
  unreadNoticeCount: {
    /**
     * The count once the subscription is registered with the tail, then again after each of the
     * investor's notice events (written, read): every value is the whole state (asState), so the
     * gateway hands the latest to a tab that joins later.
     */
    subscribe: (_root, _args, context) => {
      const viewer = requireViewer(context.viewer);
      const count = async () =>
        asState({ unreadNoticeCount: await countUnreadNotices(context.db, viewer.userId) });
      return context.alertEvents.subscribe(noticeKey(viewer.userId), {
        ...resumeOf(context),
        keep: (event) => event.payload.investorId === viewer.userId,
        snapshot: count,
        map: count,
      });
    },
  },
};
