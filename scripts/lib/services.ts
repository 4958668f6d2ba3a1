import { createConnection } from 'mysql2/promise';
import {
  createRedisClient,
  describeRedisUrl,
  isClusterUrl,
  redisUrlProblem,
} from '@poolgraph/platform';

export const REMEDY_MYSQL = `MySQL/MariaDB is not answering. On Debian:
  apt-get install -y mariadb-server        # if it is not installed
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
or point MYSQL_SERVER_URL at a running server (mysql://user:password@host:3306).`;

export const REMEDY_REDIS = `Redis is not answering. On Debian:
  apt-get install -y redis-server          # if it is not installed
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
or point REDIS_URL at a running server (redis://host:6379) or cluster
(redis-cluster://host:port,host:port,…; \`npm run fleet -- --redis-cluster\` starts a local one).`;

/** Connects once to MySQL and Redis; returns a list of problems, each with its remedy. */
export async function checkServices(mysqlServerUrl: string, redisUrl: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    const connection = await createConnection({ uri: mysqlServerUrl, connectTimeout: 3_000 });
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
