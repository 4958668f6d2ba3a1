import type { Logger, RedisClient } from '@poolgraph/platform';

/** Larger documents are not remembered (a client sends them in full each time). */
const MAX_STORED_BYTES = 64 * 1024;

/**
 * Apollo Server's automatic persisted queries, kept in the deployment's Redis so that a query
 * registered through one gateway replica is found by every other (`<prefix>gateway:apq:<sha>`,
 * with a TTL). Redis trouble is never a failed request: a miss makes the client send the full
 * query, which then runs.
 */
export function redisApqCache(redis: RedisClient, prefix: string, ttlSeconds: number, log: Logger) {
  const keyOf = (key: string) => `${prefix}gateway:${key}`;
  return {
    async get(key: string): Promise<string | undefined> {
      try {
        return (await redis.get(keyOf(key))) ?? undefined;
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'APQ cache read failed');
        return undefined;
      }
    },
    async set(key: string, value: string): Promise<void> {
      if (Buffer.byteLength(value) > MAX_STORED_BYTES) return;
      try {
        await redis.set(keyOf(key), value, 'EX', ttlSeconds);
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'APQ cache write failed');
      }
    },
    async delete(key: string): Promise<boolean> {
      return (await redis.del(keyOf(key))) > 0;
    },
  };
}
