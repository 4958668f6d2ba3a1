import { bootService, subgraphUrlsFromEnv } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
await bootService('users', env.LOG_LEVEL, async (log) => {
  const service = await createService({
    mysqlUrl: env.MYSQL_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    jwksUrl: env.USERS_JWKS_URL,
    subgraphUrls: subgraphUrlsFromEnv(env),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    log,
  });
  return { service, url: `${await service.listen(env.PORT, env.HOST)}/graphql` };
});
