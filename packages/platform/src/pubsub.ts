import { RedisPubSub as LibraryPubSub } from 'graphql-redis-subscriptions';
import type { Logger } from 'pino';
import { boundedEvents } from './boundedEvents.ts';
import { connectRedis } from './redis.ts';

/** The library's pub/sub, whose subscription iterators queue at most 1,000 events each. */
export class RedisPubSub extends LibraryPubSub {
  override asyncIterableIterator<T>(triggers: string | string[]): AsyncIterableIterator<T> {
    return boundedEvents<T>(this, triggers);
  }
}

/**
 * Redis pub/sub for GraphQL subscriptions: every replica hears what any replica publishes.
 * Two dedicated connections (a subscribed connection can do nothing else); ioredis resubscribes
 * after a Redis restart. Channels are plain names: prefix them where they are built.
 */
export function createPubSub(
  redisUrl: string,
  log: Logger,
): { pubsub: RedisPubSub; close: () => Promise<void> } {
  const publisher = connectRedis(redisUrl, log, 'pubsub-publisher');
  const subscriber = connectRedis(redisUrl, log, 'pubsub-subscriber');
  // ioredis' per-request retry limit would fail SUBSCRIBE during an outage; keep retrying instead.
  subscriber.options.maxRetriesPerRequest = null;
  const pubsub = new RedisPubSub({ publisher, subscriber });
  return {
    pubsub,
    close: async () => {
      await pubsub.close();
    },
  };
}
