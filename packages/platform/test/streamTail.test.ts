import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createStreamTail, type Cursored, type StreamTail } from '../src/streamTail.ts';

// The stream tail against a real Redis: resumes from its window, from the stream itself when
// the window does not reach back, and refuses (SUBSCRIPTION_BEHIND) what it cannot replay.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `platform-tail-${process.pid}-${Date.now()}-`;
const redis = new Redis(REDIS_URL);
const tails: Array<StreamTail<Event>> = [];

interface Event {
  id: string;
  key: string;
}

afterAll(async () => {
  await Promise.all(tails.map((tail) => tail.close()));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

function tail(stream: string, windowEntries?: number) {
  const created = createStreamTail<Event>({
    redisUrl: REDIS_URL,
    redis,
    stream,
    keyOf: (event) => event.key,
    idOf: (event) => event.id,
    log: createLogger('test', 'silent'),
    windowEntries,
  });
  tails.push(created);
  return created;
}

const add = (stream: string, event: Event) =>
  redis.xadd(stream, '*', 'event', JSON.stringify(event)) as Promise<string>;

async function take(events: AsyncIterator<Cursored<Event>>, count: number) {
  const got: Cursored<Event>[] = [];
  while (got.length < count) {
    const next = await events.next();
    if (next.done) break;
    got.push(next.value);
  }
  return got;
}

/**
 * Waits until the tail reads live (a subscriber of a throwaway key sees a marker): entries
 * written while it starts are read as its window, not delivered to anyone.
 */
async function caughtUp(stream: string, t: StreamTail<Event>) {
  const key = `marker-${Math.random()}`;
  const events = t.subscribe(key);
  const got = take(events, 1);
  let received = false;
  void got.then(() => (received = true));
  for (let i = 0; !received; i++) {
    await add(stream, { id: `${key}-${i}`, key });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await events.return?.();
}

describe('createStreamTail', () => {
  it('resumes after a cursor from its window, in order, without duplicates or other keys', async () => {
    const stream = `${prefix}window`;
    const t = tail(stream);
    const live = t.subscribe('a');
    await caughtUp(stream, t);
    for (let i = 0; i < 6; i++) await add(stream, { id: `e${i}`, key: i % 2 ? 'b' : 'a' });
    await add(stream, { id: 'e2', key: 'a' }); // a republished copy
    const first = await take(live, 3);
    expect(first.map((e) => e.event.id)).toEqual(['e0', 'e2', 'e4']);
    // Resume after e0: e2 and e4 replayed, then live events.
    const resumed = t.subscribe('a', first[0]!.cursor);
    await add(stream, { id: 'e6', key: 'a' });
    expect((await take(resumed, 3)).map((e) => e.event.id)).toEqual(['e2', 'e4', 'e6']);
    expect(t.listeners).toBe(2);
    await live.return?.();
    await resumed.return?.();
    expect(t.listeners).toBe(0);
  });

  it('resumes from the stream when its window does not reach back, and refuses what was trimmed', async () => {
    const stream = `${prefix}fallback`;
    const cursor = await add(stream, { id: 'f0', key: 'a' });
    await add(stream, { id: 'f1', key: 'a' });
    await add(stream, { id: 'f2', key: 'b' });
    await add(stream, { id: 'f3', key: 'a' });
    // A fresh process whose window holds only the newest entry.
    const t = tail(stream, 1);
    await caughtUp(stream, t);
    const resumed = t.subscribe('a', cursor);
    expect((await take(resumed, 2)).map((e) => e.event.id)).toEqual(['f1', 'f3']);
    await resumed.return?.();

    // Trimmed past the cursor: the gap cannot be filled, and the subscriber is told so.
    await redis.xtrim(stream, 'MINID', '=', (await redis.xrange(stream, '-', '+'))[2]![0]);
    const refused = t.subscribe('a', cursor);
    await expect(refused.next()).rejects.toMatchObject({
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
    expect(t.listeners).toBe(0);
  });

  it('refuses a cursor that is not one', async () => {
    const t = tail(`${prefix}bad`);
    await expect(t.subscribe('a', 'not-a-cursor').next()).rejects.toMatchObject({
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
  });
});
