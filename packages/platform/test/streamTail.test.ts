import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createStreamTail, type Cursored, type StreamTail } from '../src/streamTail.ts';
import { cursorOf, isPositionMarker } from '../src/subscriptionCursor.ts';

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

function tail(stream: string, windowEntries?: number, replayLimit?: number) {
  const created = createStreamTail<Event>({
    redisUrl: REDIS_URL,
    redis,
    stream,
    keyOf: (event) => event.key,
    idOf: (event) => event.id,
    log: createLogger('test', 'silent'),
    windowEntries,
    replayLimit,
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

  it('delivers in order to a subscriber that keeps up, through its own filter and mapping', async () => {
    const stream = `${prefix}follow`;
    const t = tail(stream);
    await caughtUp(stream, t);
    const events = t.subscribe('a', {
      keep: (event) => event.id !== 'o2',
      map: async (event) => ({ seen: event.id }),
    });
    const first = events.next();
    for (const id of ['o1', 'o2', 'o3']) await add(stream, { id, key: 'a' });
    const got = [(await first).value, (await events.next()).value];
    expect(got.map((value) => value?.seen)).toEqual(['o1', 'o3']);
    // Each result carries its stream cursor (what the WebSocket server sends as extensions.cursor).
    expect(cursorOf(got[1])).toMatch(/^\d+-\d+$/);
    await events.return?.();
  });

  it('ends a subscriber that falls more than its limit behind with SUBSCRIPTION_BEHIND, and lets go of it', async () => {
    const stream = `${prefix}slow`;
    const t = tail(stream, undefined, 3);
    await caughtUp(stream, t);
    const slow = t.subscribe('s');
    const fast = t.subscribe('f');
    for (let n = 1; n <= 10; n++) await add(stream, { id: `s${n}`, key: 's' });
    // Another key's event, read after the ten: by then the slow one has overflowed.
    await add(stream, { id: 'f1', key: 'f' });
    expect((await fast.next()).value?.event.id).toBe('f1');
    await expect(slow.next()).rejects.toMatchObject({
      message: 'The subscription fell more than 3 events behind and was ended; subscribe again.',
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(t.listening('s')).toBe(0);
    await fast.return?.();
  });

  it('lets go of a subscription on return, even while it waits for its first event', async () => {
    const t = tail(`${prefix}early`);
    const events = t.subscribe('e');
    expect(t.listening('e')).toBe(1);
    const pending = events.next();
    await events.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(t.listening('e')).toBe(0);
  });

  it('refuses a cursor that is not one', async () => {
    const t = tail(`${prefix}bad`);
    await expect(t.subscribe('a', 'not-a-cursor').next()).rejects.toMatchObject({
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
  });

  it('tells a follower that asks where it starts: a resume from there misses nothing', async () => {
    const stream = `${prefix}position`;
    const t = tail(stream);
    // Asked before the tail has read anything: it starts where the tail's first read does.
    const early = t.subscribe('p', { position: true, map: (event: Event) => ({ id: event.id }) });
    await caughtUp(stream, t);
    const follower = t.subscribe('p', {
      position: true,
      map: (event: Event) => ({ id: event.id }),
    });
    const [start, earlyStart] = [await follower.next(), await early.next()];
    expect(isPositionMarker(start.value)).toBe(true);
    expect(isPositionMarker(earlyStart.value)).toBe(true);
    // The follower's socket is lost before its first event; two are written meanwhile.
    await follower.return?.();
    await add(stream, { id: 'p1', key: 'p' });
    await add(stream, { id: 'p2', key: 'p' });
    for (const from of [start.value, earlyStart.value]) {
      const cursor = cursorOf(from);
      expect(cursor).toMatch(/^\d+-\d+$/);
      const resumed = t.subscribe('p', cursor);
      expect((await take(resumed, 2)).map(({ event }) => event.id)).toEqual(['p1', 'p2']);
      await resumed.return?.();
    }
    await early.return?.();
  });

  it('starts a follower with its snapshot, read after it is registered, then the events after it', async () => {
    const stream = `${prefix}snapshot`;
    const t = tail(stream);
    await caughtUp(stream, t);
    let written = 0;
    const follower = t.subscribe('s', {
      snapshot: () => ({ written }),
      map: (event: Event) => ({ written, event: event.id }),
    });
    // Written after the subscription is registered and before its snapshot is read.
    written++;
    await add(stream, { id: 's1', key: 's' });
    const [snapshot, event] = [await follower.next(), await follower.next()];
    expect(snapshot.value).toEqual({ written: 1 });
    expect(cursorOf(snapshot.value)).toBeUndefined();
    expect(event.value).toMatchObject({ written: 1, event: 's1' });
    expect(cursorOf(event.value)).toMatch(/^\d+-\d+$/);
    await follower.return?.();
    expect(t.listening('s')).toBe(0);
  });
});
