import { createLogger, stopOnSignals } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createUsersService } from './server.ts';

const env = loadEnv();
const log = createLogger('users', env.LOG_LEVEL);
const service = await createUsersService({
  mysqlUrl: env.MYSQL_URL,
  redisUrl: env.REDIS_URL,
  redisPrefix: env.REDIS_PREFIX,
  accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
  refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
  log,
});
const url = await service.listen(env.PORT, env.HOST);
log.info({ url: `${url}/graphql` }, 'users subgraph ready');
stopOnSignals(service, log);
