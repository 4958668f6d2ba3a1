import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { GraphQLError } from 'graphql';

/** How many events one subscription may have waiting before it is ended (see below). */
export const SUBSCRIPTION_QUEUE_LIMIT = 1_000;

/** The error a subscription ends with when its consumer fell `limit` events behind. */
export const subscriberBehind = (limit: number) =>
  new GraphQLError(
    `The subscription fell more than ${limit} events behind and was ended; subscribe again.`,
    { extensions: { code: 'SUBSCRIPTION_BEHIND' } },
  );

/**
 * Redis pub/sub messages as an async iterator with a bounded queue. graphql-redis-subscriptions'
 * own iterator queues without limit: a consumer slower than the channel (a slow socket, a
 * stalled gateway) would grow the subgraph's memory until it falls over. Here the consumer that
 * falls `limit` events behind gets `subscriberBehind` and the Redis subscription is released;
 * it was going to miss events anyway, and now it knows. Subscribes at once (not at the first
 * `next()`), so no event published after the subscribe call is missed.
 */
export function boundedEvents<T>(
  pubsub: RedisPubSub,
  triggers: string | readonly string[],
  limit = SUBSCRIPTION_QUEUE_LIMIT,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let failure: GraphQLError | undefined;
  let finished = false;
  const done = (): IteratorResult<T> => ({ value: undefined, done: true });

  const push = (message: T) => {
    if (finished || failure) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: message, done: false });
      return;
    }
    if (queue.length < limit) return void queue.push(message);
    failure = subscriberBehind(limit);
    queue.length = 0;
    void release();
  };
  const names = typeof triggers === 'string' ? [triggers] : [...triggers];
  const ids = Promise.all(names.map((name) => pubsub.subscribe<T>(name, push)));
  let released: Promise<void> | undefined;
  const release = () =>
    (released ??= ids.then(
      (list) => list.forEach((id) => pubsub.unsubscribe(id)),
      () => undefined,
    ));

  const finish = async () => {
    finished = true;
    queue.length = 0;
    waiting?.(done());
    waiting = undefined;
    await release();
    return done();
  };

  return {
    async next() {
      await ids;
      if (queue.length) return { value: queue.shift()!, done: false };
      if (failure && !finished) {
        await finish();
        throw failure;
      }
      if (finished) return done();
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
