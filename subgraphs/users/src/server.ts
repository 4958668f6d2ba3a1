import { readFileSync } from 'node:fs';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { parse } from 'graphql';
import { createTokenVerifier } from '@poolgraph/auth';
import {
  createMetrics,
  createSubgraphService,
  openSubgraphResources,
  type HttpService,
  type SubgraphConfig,
} from '@poolgraph/platform';
import { createAccessTokenSigner } from './auth/keys.ts';
import { createSessionService } from './auth/sessions.ts';
import { createLoginThrottle } from './auth/throttle.ts';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface UsersServiceConfig extends SubgraphConfig {
  accessTokenTtlSeconds?: number;
  refreshTokenTtlDays?: number;
}

/**
 * Our own key set, cached for a minute and reloaded early when a token names an unknown kid
 * (a key another replica just created), at most every 5 s so made-up kids cannot flood MySQL.
 */
function cachedKeySet(load: () => Promise<JSONWebKeySet>): JWTVerifyGetKey {
  let cached: { keys: JSONWebKeySet; at: number } | undefined;
  return async (header, token) => {
    const age = cached ? Date.now() - cached.at : Infinity;
    const known = cached?.keys.keys.some((k) => k.kid === header.kid);
    if (!cached || age > 60_000 || (!known && age > 5_000)) {
      cached = { keys: await load(), at: Date.now() };
    }
    return createLocalJWKSet(cached.keys)(header, token);
  };
}

/**
 * Builds the users subgraph (migrating its database) without listening. It verifies tokens
 * against its own keys, so `jwksUrl` is unused here.
 */
export async function createService(config: UsersServiceConfig): Promise<HttpService> {
  const { mysql, redis, readiness, close } = await openSubgraphResources(
    config,
    schema,
    migrationsFolder,
  );
  const signer = await createAccessTokenSigner(mysql.db, config.accessTokenTtlSeconds ?? 900);
  const sessions = createSessionService({
    db: mysql.db,
    signer,
    throttle: createLoginThrottle(redis, {
      prefix: `${config.redisPrefix}users:`,
      perAccount: 5,
      perAddress: 50,
      windowSeconds: 15 * 60,
    }),
    refreshTtlSeconds: (config.refreshTokenTtlDays ?? 30) * 86_400,
  });
  const verifier = createTokenVerifier(cachedKeySet(() => signer.jwks()));

  return createSubgraphService({
    typeDefs,
    resolvers,
    context: createContextFactory({ db: mysql.db, sessions, verifier, log: config.log }),
    metrics: createMetrics('users'),
    log: config.log,
    readiness,
    routes: {
      '/.well-known/jwks.json': async (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'public, max-age=300');
        res.end(JSON.stringify(await signer.jwks()));
      },
    },
    onClose: close,
  });
}
