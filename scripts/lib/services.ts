import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';

export const REMEDY_MYSQL = `MySQL/MariaDB is not answering. On Debian:
  apt-get install -y mariadb-server        # if it is not installed
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
or point MYSQL_SERVER_URL at a running server (mysql://user:password@host:3306).`;

export const REMEDY_REDIS = `Redis is not answering. On Debian:
  apt-get install -y redis-server          # if it is not installed
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
or point REDIS_URL at a running server (redis://host:6379).`;

/** Connects once to MySQL and Redis; returns a list of problems, each with its remedy. */
export async function checkServices(mysqlServerUrl: string, redisUrl: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    const connection = await createConnection({ uri: mysqlServerUrl, connectTimeout: 3_000 });
    await connection.end();
  } catch (error) {
    problems.push(`${REMEDY_MYSQL}\n  (${(error as Error).message})`);
  }
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(`${REMEDY_REDIS}\n  (${(error as Error).message})`);
  } finally {
    redis.disconnect();
  }
  return problems;
}
