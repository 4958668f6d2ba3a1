import { requireViewer } from '@poolgraph/auth';
import { isUuid } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) =>
    viewer ? loaders.userById.load(viewer.userId) : null,
  user: (_parent, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return isUuid(id) ? loaders.userById.load(id) : null;
  },
  apiKeys: (_parent, _args, { apiKeys, viewer }) => apiKeys.list(viewer),
  mySessions: (_parent, _args, { account, viewer }) => account.sessions(viewer),
};
