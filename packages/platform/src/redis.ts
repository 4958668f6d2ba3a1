import { Redis } from 'ioredis';
import { traceRedis } from './tracedClients.ts';
import type { Logger } from 'pino';

export { Redis };

/** A Redis client that retries forever with backoff and logs, rather than crashing, on outages. */
export function connectRedis(url: string, log: Logger, name = 'main'): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 3,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    connectionName: name,
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // ioredis emits one error per retry; log each distinct failure once.
    if (error.message !== lastError) log.warn({ err: error.message, redis: name }, 'redis error');
    lastError = error.message;
  });
  redis.on('ready', () => {
    if (lastError) log.info({ redis: name }, 'redis reconnected');
    lastError = '';
  });
  traceRedis(redis);
  return redis;
}

export async function pingRedis(redis: Redis): Promise<void> {
  const answer = await redis.ping();
  if (answer !== 'PONG') throw new Error(`unexpected PING answer: ${answer}`);
}
