import { z } from 'zod';
import { baseEnv, loadEnvOrExit, mysqlUrl, port, redisUrl } from '@poolgraph/platform';

const schema = z.object({
  ...baseEnv,
  PORT: port(4001),
  MYSQL_URL: mysqlUrl.default('mysql://root@127.0.0.1:3306/poolgraph_users'),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('poolgraph:users:'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type UsersEnv = z.infer<typeof schema>;
export const loadEnv = (): UsersEnv => loadEnvOrExit(schema, process.env);
