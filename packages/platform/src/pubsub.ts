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
 *
 * On a Redis Cluster this stays classic PUBLISH/SUBSCRIBE: a PUBLISH sent to any node is
 * broadcast to every node, and ioredis' Cluster subscribes through one node of its choosing and
 * moves (resubscribing) to another when that node goes away. Sharded pub/sub (SPUBLISH) is not
 * used: graphql-redis-subscriptions 2.7 only speaks SUBSCRIBE/PSUBSCRIBE (docs/SCALING.md).
 */
export function createPubSub(
  redisUrl: string,
  log: Logger,
): { pubsub: RedisPubSub; close: () => Promise<void> } {
  const publisher = connectRedis(redisUrl, log, 'pubsub-publisher');
  // ioredis' per-request retry limit would fail SUBSCRIBE during an outage; keep retrying instead.
  const subscriber = connectRedis(redisUrl, log, 'pubsub-subscriber', {
    maxRetriesPerRequest: null,
  });
  const pubsub = new RedisPubSub({ publisher, subscriber });
  return {
    pubsub,
    close: async () => {
      await pubsub.close();
    },
  };
}
