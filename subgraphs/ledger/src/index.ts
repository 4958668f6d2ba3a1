import { bootService, subgraphUrlsFromEnv } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
await bootService('ledger', env.LOG_LEVEL, async (log) => {
  const service = await createService({
    mysqlUrl: env.MYSQL_URL,
    redisUrl: env.REDIS_URL,
    // The shared prefix, not a ledger-only one: alerts and reports read `<prefix>ledger.events`.
    redisPrefix: env.REDIS_PREFIX,
    jwksUrl: env.USERS_JWKS_URL,
    subgraphUrls: subgraphUrlsFromEnv(env),
    relay: env.LEDGER_RELAY === 'true',
    log,
  });
  return { service, url: `${await service.listen(env.PORT, env.HOST)}/graphql` };
});
