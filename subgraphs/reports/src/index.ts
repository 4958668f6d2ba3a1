import { bootService } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
await bootService('reports', env.LOG_LEVEL, async (log) => {
  const service = await createService({
    mysqlUrl: env.MYSQL_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    jwksUrl: env.USERS_JWKS_URL,
    subgraphUrls: {},
    log,
  });
  return { service, url: `${await service.listen(env.PORT, env.HOST)}/graphql` };
});
