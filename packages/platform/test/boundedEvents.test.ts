import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedEvents } from '../src/boundedEvents.ts';
import { createLogger } from '../src/logger.ts';
import { createPubSub, type RedisPubSub } from '../src/pubsub.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = (name: string) => `platform-bounded-${process.pid}-${Date.now()}-${name}`;
let pubsub: RedisPubSub;
let close: () => Promise<void>;
let probe: Redis;

beforeAll(() => {
  ({ pubsub, close } = createPubSub(REDIS_URL, createLogger('test', 'silent')));
  probe = new Redis(REDIS_URL);
});
afterAll(async () => {
  await close();
  probe.disconnect();
});

/** How many Redis connections are subscribed to `name`. */
const subscribers = async (name: string) =>
  Number(((await probe.pubsub('NUMSUB', name)) as [string, number])[1]);

/** Publishing resolves before the subscriber hears it: give Redis a moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Waits (up to 10 s) for an overflowing subscription to have let go of its channel. */
async function released(name: string) {
  const deadline = Date.now() + 10_000;
  while ((await subscribers(name)) !== 0) {
    if (Date.now() > deadline) throw new Error(`${name} is still subscribed`);
    await settle();
  }
}

describe('bounded pub/sub subscriptions', () => {
  it('delivers events in order to a consumer that keeps up', async () => {
    const name = channel('ordered');
    const events = boundedEvents<{ n: number }>(pubsub, name, 3);
    const first = events.next();
    await settle();
    for (const n of [1, 2, 3]) await pubsub.publish(name, { n });
    expect(await first).toEqual({ value: { n: 1 }, done: false });
    expect((await events.next()).value).toEqual({ n: 2 });
    expect((await events.next()).value).toEqual({ n: 3 });
    await events.return!();
  });

  it('ends a consumer that falls more than the limit behind, and releases its Redis subscription', async () => {
    const name = channel('slow');
    const events = boundedEvents<{ n: number }>(pubsub, name, 3);
    await settle();
    expect(await subscribers(name)).toBe(1);
    for (let n = 1; n <= 10; n += 1) await pubsub.publish(name, { n });
    await released(name);
    await expect(events.next()).rejects.toMatchObject({
      message: 'The subscription fell more than 3 events behind and was ended; subscribe again.',
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });

  it("is what the platform pub/sub's iterators are", async () => {
    const name = channel('platform');
    const events = pubsub.asyncIterableIterator<{ n: number }>(name);
    await settle();
    await Promise.all(Array.from({ length: 1_001 }, (_v, n) => pubsub.publish(name, { n })));
    await released(name);
    await expect(events.next()).rejects.toMatchObject({
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
  });

  it('releases the Redis subscription on return, even before the first event', async () => {
    const name = channel('early');
    const events = boundedEvents(pubsub, name);
    await settle();
    expect(await subscribers(name)).toBe(1);
    const pending = events.next();
    await events.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await subscribers(name)).toBe(0);
  });
});
