import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@poolgraph/platform';

/** Where tests find MySQL and Redis; CI and the machines use the defaults. */
export const TEST_MYSQL_SERVER = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database for one test file; drop it in afterAll. */
export async function createTestDatabase(service: string): Promise<TestDatabase> {
  const name = `pgtest_${service}_${randomBytes(5).toString('hex')}`;
  const url = `${TEST_MYSQL_SERVER}/${name}`;
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

/** A unique key prefix so concurrent test files never share Redis keys or channels. */
export function uniqueRedisPrefix(service: string): string {
  return `pgtest:${service}:${randomBytes(5).toString('hex')}:`;
}
