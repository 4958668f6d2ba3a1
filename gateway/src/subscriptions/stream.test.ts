import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { createSubscriptionMetrics } from './metrics.ts';
import type { Operation } from './operation.ts';
import type { Delivery } from './source.ts';
import { CLOSE_TOO_SLOW, MAX_QUEUED_EVENTS, openEventStream } from './stream.ts';

function setUp(expiresInMs = 60_000) {
  let deliver: ((delivery: Delivery) => void) | undefined;
  const closes: number[] = [];
  const source = {
    add: (subscriber: (delivery: Delivery) => void) => void (deliver = subscriber),
    remove: () => void (deliver = undefined),
  };
  const operation = {
    session: { expiresAt: Date.now() + expiresInMs },
    socket: { close: (code: number) => void closes.push(code) },
  } as unknown as Operation;
  const stream = openEventStream(operation, source, createSubscriptionMetrics(new Registry()));
  return { stream, closes, deliver: (d: Delivery) => deliver?.(d), subscribed: () => !!deliver };
}

describe('openEventStream', () => {
  it('disconnects a client that falls more than the queue limit behind, and only that one', () => {
    const slow = setUp();
    const fast = setUp();
    for (let n = 0; n <= MAX_QUEUED_EVENTS; n++) {
      slow.deliver({ result: { data: { n } } });
    }
    expect(slow.closes).toEqual([CLOSE_TOO_SLOW]);
    expect(fast.closes).toEqual([]);
  });

  it('leaves the shared source as soon as the client leaves, with no event pending', async () => {
    const { stream, subscribed } = setUp();
    const pending = stream.next();
    await stream.return!();
    expect(subscribed()).toBe(false);
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('ends with UNAUTHENTICATED when the token expires', async () => {
    const { stream, subscribed } = setUp(50);
    const first = await stream.next();
    expect(JSON.stringify(first.value)).toContain('UNAUTHENTICATED');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(subscribed()).toBe(false);
  });
});
