import { describe, expect, it } from 'vitest';
import { LiveQueue, subscriberBehind } from './liveQueue.ts';

const DONE = { value: undefined, done: true };

function queueOf<T>(limit: number, overflow?: () => Error | undefined) {
  const ends: string[] = [];
  const queue = new LiveQueue<T>({
    limit,
    onOverflow: overflow ?? (() => subscriberBehind(limit)),
    onEnd: () => void ends.push('ended'),
  });
  return { queue, ends };
}

describe('LiveQueue', () => {
  it('delivers pushed items in order, then the end, and finishes once', async () => {
    const { queue, ends } = queueOf<number>(10);
    queue.push(1);
    queue.push(2);
    queue.end();
    const seen: number[] = [];
    for await (const item of queue) seen.push(item);
    expect(seen).toEqual([1, 2]);
    expect(await queue.next()).toEqual(DONE);
    expect(ends).toEqual(['ended']);
    expect(queue.push(3)).toBe(false);
  });

  it('hands an item straight to a waiting consumer', async () => {
    const { queue } = queueOf<string>(1);
    const next = queue.next();
    expect(queue.push('a')).toBe(true);
    expect(await next).toEqual({ value: 'a', done: false });
  });

  it('ends a consumer that falls more than the limit behind with SUBSCRIPTION_BEHIND, dropping what waited', async () => {
    const { queue, ends } = queueOf<number>(3);
    for (let n = 1; n <= 3; n++) expect(queue.push(n)).toBe(true);
    expect(queue.push(4)).toBe(false);
    expect(queue.length).toBe(0);
    expect(queue.push(5)).toBe(false);
    await expect(queue.next()).rejects.toMatchObject({
      message: 'The subscription fell more than 3 events behind and was ended; subscribe again.',
      extensions: { code: 'SUBSCRIPTION_BEHIND' },
    });
    expect(await queue.next()).toEqual(DONE);
    expect(ends).toEqual(['ended']);
  });

  it('leaves a slow consumer to the caller when the overflow policy returns no error', async () => {
    const overflows: number[] = [];
    const { queue } = queueOf<number>(2, () => void overflows.push(1));
    queue.push(1);
    queue.push(2);
    expect(queue.push(3)).toBe(false);
    expect(queue.push(4)).toBe(false);
    // Decided once; the consumer then simply ends.
    expect(overflows).toEqual([1]);
    expect(await queue.next()).toEqual(DONE);
  });

  it('ends a pending next() at once when the consumer returns, with nothing pushed', async () => {
    const { queue, ends } = queueOf<number>(5);
    const pending = queue.next();
    await queue.return();
    expect(await pending).toEqual(DONE);
    expect(ends).toEqual(['ended']);
  });

  it('rejects a pending next() when it fails, and ends afterwards', async () => {
    const { queue } = queueOf<number>(5);
    const pending = queue.next();
    queue.fail(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    expect(await queue.next()).toEqual(DONE);
  });

  it("applies the consumer's take as it pulls: skipped items are never delivered", async () => {
    const queue = new LiveQueue<number, string>({
      limit: 10,
      onOverflow: () => undefined,
      take: async (n) => (n % 2 ? `odd ${n}` : undefined),
    });
    const first = queue.next();
    [2, 4, 5, 6, 7].forEach((n) => queue.push(n));
    queue.end();
    expect(await first).toEqual({ value: 'odd 5', done: false });
    expect(await queue.next()).toEqual({ value: 'odd 7', done: false });
    expect(await queue.next()).toEqual(DONE);
  });

  it('ends a next() whose take is still running when the consumer returns, and frees it once', async () => {
    let release = () => {};
    const ends: string[] = [];
    const queue = new LiveQueue<number, number>({
      limit: 5,
      onOverflow: () => undefined,
      onEnd: () => void ends.push('ended'),
      take: (n) => new Promise<number>((resolve) => (release = () => resolve(n))),
    });
    const pending = queue.next();
    queue.push(1);
    await queue.return();
    release();
    expect(await pending).toEqual(DONE);
    expect(ends).toEqual(['ended']);
  });
});
