import { bootService, subgraphUrlsFromEnv } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
await bootService('pools', env.LOG_LEVEL, async (log) => {
  const service = await createService({
    mysqlUrl: env.MYSQL_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    settleFromLedgerEvents: env.SETTLE_FROM_LEDGER_EVENTS === 'true',
    consumerName: env.CONSUMER_NAME,
    jwksUrl: env.USERS_JWKS_URL,
    // users for invitations, ledger for removals (USERS_URL, LEDGER_URL).
    subgraphUrls: subgraphUrlsFromEnv(env),
    log,
  });
  return { service, url: `${await service.listen(env.PORT, env.HOST)}/graphql` };
});
