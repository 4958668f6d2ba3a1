import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type { TokenVerifier } from '@poolgraph/auth';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { GatewayContext } from '../context.ts';
import { redisApqCache } from '../persistedQueries/apqCache.ts';
import { loadTrustedDocuments } from '../persistedQueries/manifest.ts';
import { persistedQueryPlugin, type PersistedQueryPolicy } from '../persistedQueries/policy.ts';
import { createApiKeyAuthenticator, type ApiKeyAuthenticator } from './apiKeys.ts';

export interface PartnerAccessOptions {
  /** The users subgraph's `/api-keys/token`; without it, `x-api-key` is refused (401). */
  apiKeyExchangeUrl?: string;
  /** The deployment's Redis and prefix: the APQ cache every replica shares. */
  redis?: RedisClient;
  redisPrefix?: string;
  /** How long a registered APQ stays in Redis; default one day. */
  apqTtlSeconds?: number;
  /** Folder of Apollo persisted-query manifests (`*.json`); without it, none. */
  persistedQueriesDir?: string;
  /** Reload the manifests when the folder changes; default true. */
  watchPersistedQueries?: boolean;
  /** `SAFELIST=enforce`: every caller may run manifest operations only, by id. */
  safelist?: boolean;
}

type Persisted = ApolloServerOptions<GatewayContext>['persistedQueries'];

/**
 * API keys, APQ and trusted documents, as the gateway's options configure them: what the
 * Apollo server, the context function and the WebSocket path each need.
 */
export function partnerAccess(
  options: PartnerAccessOptions,
  verifier: TokenVerifier,
  log: Logger,
): {
  apiKeys: ApiKeyAuthenticator | undefined;
  policy: PersistedQueryPolicy;
  plugins: ApolloServerPlugin<GatewayContext>[];
  persistedQueries: Persisted;
} {
  const apiKeys = options.apiKeyExchangeUrl
    ? createApiKeyAuthenticator({
        exchangeUrl: options.apiKeyExchangeUrl,
        verifier,
        log: log.child({ component: 'api-keys' }),
      })
    : undefined;
  const persistedQueries: Persisted = options.redis
    ? {
        cache: redisApqCache(
          options.redis,
          options.redisPrefix ?? '',
          options.apqTtlSeconds ?? 86_400,
          log.child({ component: 'apq' }),
        ),
        ttl: options.apqTtlSeconds ?? 86_400,
      }
    : undefined;
  const pqLog = log.child({ component: 'persisted-queries' });
  const documents = options.persistedQueriesDir
    ? loadTrustedDocuments(options.persistedQueriesDir, pqLog, {
        watch: options.watchPersistedQueries ?? true,
      })
    : undefined;
  // A key or SAFELIST=enforce without manifests still restricts: nothing is trusted then.
  const policy: PersistedQueryPolicy = {
    documents: documents ?? emptyDocuments,
    enforce: !!options.safelist,
  };
  const lifecycle: ApolloServerPlugin<GatewayContext> = {
    async serverWillStart() {
      await documents?.ready;
      return {
        async serverWillStop() {
          documents?.close();
        },
      };
    },
  };
  return { apiKeys, policy, plugins: [persistedQueryPlugin(policy), lifecycle], persistedQueries };
}

const emptyDocuments: PersistedQueryPolicy['documents'] = {
  get: () => undefined,
  hasName: () => false,
  size: 0,
  ready: Promise.resolve(),
  reload: async () => {},
  close: () => {},
};
