import type { ApiKeyResolvers } from '../__generated__/resolvers.ts';

/** Only the key's issuer and admins list keys (services/apiKeys.ts): the fields need no rule. */
export const ApiKey: ApiKeyResolvers = {
  kind: (key) => (key.delegatedBy === null ? 'PLATFORM' : 'DELEGATED'),
  delegatedBy: (key, _args, { loaders }) =>
    key.delegatedBy === null ? null : loaders.userById.load(key.delegatedBy),
};
