import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './queue.ts';

describe('BoundedQueue', () => {
  it('delivers pushed items in order, then ends', async () => {
    const queue = new BoundedQueue<number>(10);
    queue.push(1);
    queue.push(2);
    queue.end();
    const seen: number[] = [];
    for await (const item of queue) seen.push(item);
    expect(seen).toEqual([1, 2]);
  });

  it('hands an item straight to a waiting consumer', async () => {
    const queue = new BoundedQueue<string>(1);
    const next = queue[Symbol.asyncIterator]().next();
    expect(queue.push('a')).toBe(true);
    expect(await next).toEqual({ value: 'a', done: false });
  });

  it('refuses items once the consumer is behind by the limit, so the caller can drop it', () => {
    const queue = new BoundedQueue<number>(2);
    expect(queue.push(1)).toBe(true);
    expect(queue.push(2)).toBe(true);
    expect(queue.push(3)).toBe(false);
    expect(queue.length).toBe(2);
  });
});
