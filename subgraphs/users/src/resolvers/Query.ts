import { requireViewer } from '@poolgraph/auth';
import {
  connectionOf,
  idPageRule,
  instantKeyOf,
  isUuid,
  pageRequest,
  parseInstantKey,
  type InstantKey,
  type PageRule,
} from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import type { ApiKeyRow } from '../data/apiKeys.ts';

/** apiKeysConnection: newest first by (createdAt, id), paged in SQL. */
export const API_KEY_PAGE: PageRule<ApiKeyRow, InstantKey> = {
  kind: 'api-key',
  defaultSize: 50,
  maxSize: 200,
  keyOf: (row) => instantKeyOf(row.createdAt, row.id),
  parseKey: parseInstantKey,
};

/** mySessionsConnection: newest first by id (UUIDv7: the login's time), paged in SQL. */
export const SESSION_PAGE = idPageRule<{ id: string }>('session', 50, 200);

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) =>
    viewer ? loaders.userById.load(viewer.userId) : null,
  user: (_parent, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return isUuid(id) ? loaders.userById.load(id) : null;
  },
  apiKeys: (_parent, _args, { apiKeys, viewer }) => apiKeys.list(viewer),
  apiKeysConnection: async (_parent, args, { apiKeys, viewer }) => {
    const request = pageRequest(args, API_KEY_PAGE);
    const { after } = request;
    const rows = await apiKeys.list(viewer, {
      after: after ? { createdAt: new Date(after.at), id: after.id } : undefined,
      limit: request.first + 1,
    });
    return connectionOf(rows, request, API_KEY_PAGE);
  },
  mySessions: (_parent, _args, { account, viewer }) => account.sessions(viewer),
  mySessionsConnection: async (_parent, args, { account, viewer }) => {
    const request = pageRequest(args, SESSION_PAGE);
    const page = { beforeId: request.after, limit: request.first + 1 };
    return connectionOf(await account.sessions(viewer, page), request, SESSION_PAGE);
  },
};
