import { readFileSync } from 'node:fs';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { parse } from 'graphql';
import { createTokenVerifier } from '@poolgraph/auth';
import {
  connectMysql,
  connectRedis,
  createMetrics,
  createSubgraphService,
  ensureDatabase,
  migrateDatabase,
  pingMysql,
  pingRedis,
  type HttpService,
  type Logger,
} from '@poolgraph/platform';
import { createAccessTokenSigner } from './auth/keys.ts';
import { createSessionService } from './auth/sessions.ts';
import { createLoginThrottle } from './auth/throttle.ts';
import { createContextFactory } from './context.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface UsersServiceConfig {
  mysqlUrl: string;
  redisUrl: string;
  redisPrefix: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  log: Logger;
  onQuery?: (sql: string) => void;
}

/** Our own key set, cached briefly and reloaded at once when a token names an unknown kid. */
function cachedKeySet(load: () => Promise<JSONWebKeySet>): JWTVerifyGetKey {
  let cached: { keys: JSONWebKeySet; at: number } | undefined;
  return async (header, token) => {
    const fresh = !cached || Date.now() - cached.at > 60_000;
    const known = cached?.keys.keys.some((k) => k.kid === header.kid);
    if (!cached || fresh || !known) cached = { keys: await load(), at: Date.now() };
    return createLocalJWKSet(cached.keys)(header, token);
  };
}

/** Builds the users subgraph (migrating its database) without listening. */
export async function createUsersService(config: UsersServiceConfig): Promise<HttpService> {
  await ensureDatabase(config.mysqlUrl);
  const mysql = connectMysql({ url: config.mysqlUrl, onQuery: config.onQuery }, schema);
  await migrateDatabase(mysql, migrationsFolder);
  const redis = connectRedis(config.redisUrl, config.log);
  const signer = await createAccessTokenSigner(mysql.db, config.accessTokenTtlSeconds);
  const sessions = createSessionService({
    db: mysql.db,
    signer,
    throttle: createLoginThrottle(redis, {
      prefix: config.redisPrefix,
      perAccount: 5,
      perAddress: 50,
      windowSeconds: 15 * 60,
    }),
    refreshTtlSeconds: config.refreshTokenTtlDays * 86_400,
  });
  const verifier = createTokenVerifier(cachedKeySet(() => signer.jwks()));

  return createSubgraphService({
    typeDefs,
    resolvers,
    context: createContextFactory({ db: mysql.db, sessions, verifier, log: config.log }),
    metrics: createMetrics('users'),
    log: config.log,
    readiness: [
      { name: 'mysql', check: () => pingMysql(mysql.pool) },
      { name: 'redis', check: () => pingRedis(redis) },
    ],
    routes: {
      '/.well-known/jwks.json': async (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'public, max-age=300');
        res.end(JSON.stringify(await signer.jwks()));
      },
    },
    onClose: [() => redis.quit(), () => mysql.close()],
  });
}
