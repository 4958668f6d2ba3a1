/**
 * Vitest's global setup: the MariaDB and Redis every test file of the run shares, each a private
 * server on a free port, started once before the first file and stopped after the last, so a
 * test run never touches the developer's own databases and needs none running. The URLs reach
 * the test workers (and what they spawn) through TEST_MYSQL_URL / TEST_REDIS_URL, the variables
 * `@poolgraph/testing` reads; when either is set already, that server is used as given.
 */
import { startPrivateMariadb, startPrivateRedis } from '@poolgraph/testing';

export default async function startTestServers(): Promise<() => Promise<void>> {
  const started: Array<() => Promise<void>> = [];
  if (!process.env.TEST_MYSQL_URL) {
    const mariadb = await startPrivateMariadb();
    process.env.TEST_MYSQL_URL = mariadb.serverUrl;
    started.push(() => mariadb.stop());
  }
  if (!process.env.TEST_REDIS_URL) {
    const redis = await startPrivateRedis();
    process.env.TEST_REDIS_URL = redis.url;
    started.push(() => redis.stop());
  }
  return async () => {
    await Promise.all(started.map((stop) => stop()));
  };
}
