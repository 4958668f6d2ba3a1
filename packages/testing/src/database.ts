import { randomBytes } from 'node:crypto';
import {
  createRedisClient,
  deleteKeys,
  dropDatabase,
  ensureDatabase,
  mysqlDatabaseUrl,
  scanKeys,
} from '@poolgraph/platform';

/** Where tests find MySQL and Redis; CI and the machines use the defaults. */
export const TEST_MYSQL_SERVER = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database for one test file; drop it in afterAll. */
export async function createTestDatabase(
  service: string,
  server = TEST_MYSQL_SERVER,
): Promise<TestDatabase> {
  const name = `pgtest_${service}_${randomBytes(5).toString('hex')}`;
  const url = mysqlDatabaseUrl(server, name);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

/** A unique key prefix so concurrent test files never share Redis keys or channels. */
export function uniqueRedisPrefix(service: string): string {
  return `pgtest:${service}:${randomBytes(5).toString('hex')}:`;
}

/**
 * Removes every key under a test prefix (streams, counters, consumer groups with them), on a
 * single Redis or on every master of a cluster (`redis-cluster://…`).
 */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = createRedisClient(url);
  try {
    for await (const keys of scanKeys(redis, `${prefix}*`)) await deleteKeys(redis, keys);
  } finally {
    redis.disconnect();
  }
}
