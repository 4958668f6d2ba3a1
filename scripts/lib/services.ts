import { createConnection } from 'mysql2/promise';
import {
  createRedisClient,
  mysqlConnectionOptions,
  describeRedisUrl,
  isClusterUrl,
  redisUrlProblem,
} from '@poolgraph/platform';

// Shown for a server npm start was told to use (or found answering and then lost): it never
// replaces a given URL. Unset, and with nothing answering, it runs servers of its own.
export const REMEDY_MYSQL = `MySQL/MariaDB at MYSQL_SERVER_URL is not answering (or refuses the login).
Start it, fix the URL (mysql://user:password@host:3306), or unset MYSQL_SERVER_URL: with nothing
answering at 127.0.0.1:3306, npm start runs a MariaDB of its own (data in .poolgraph/dev/mysql).`;

export const REMEDY_REDIS = `Redis at REDIS_URL is not answering.
Start it, fix the URL (redis://host:6379, or a cluster redis-cluster://host:port,host:port,…), or
unset REDIS_URL: with nothing answering at 127.0.0.1:6379, npm start runs a Redis of its own
(data in .poolgraph/dev/redis; \`npm run fleet -- --redis-cluster\` starts a local cluster).`;

/** Connects once to MySQL and Redis; returns a list of problems, each with its remedy. */
export async function checkServices(mysqlServerUrl: string, redisUrl: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    const connection = await createConnection({
      ...mysqlConnectionOptions(mysqlServerUrl),
      connectTimeout: 3_000,
    });
    await connection.end();
  } catch (error) {
    problems.push(`${REMEDY_MYSQL}\n  (${(error as Error).message})`);
  }
  const invalid = redisUrlProblem(redisUrl);
  if (invalid) {
    problems.push(`REDIS_URL ${describeRedisUrl(redisUrl)} ${invalid}.`);
    return problems;
  }
  const redis = createRedisClient(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    reconnect: false,
  });
  redis.on('error', () => {});
  try {
    // A cluster's connect() waits for its ready check (CLUSTER INFO says ok); bound it.
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5_000)),
    ]);
    await redis.ping();
  } catch (error) {
    const what = isClusterUrl(redisUrl) ? 'The Redis Cluster' : 'Redis';
    problems.push(
      `${REMEDY_REDIS}\n  (${what} at ${describeRedisUrl(redisUrl)}: ${(error as Error).message})`,
    );
  } finally {
    redis.disconnect();
  }
  return problems;
}
