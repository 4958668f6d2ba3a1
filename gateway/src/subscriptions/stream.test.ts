import { afterEach, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { Registry } from 'prom-client';
import { createSubscriptionMetrics } from './metrics.ts';
import type { Operation } from './operation.ts';
import type { Delivery, Subscriber } from './source.ts';
import { EventFrames } from './frames.ts';
import { CLOSE_TOO_SLOW, MAX_BUFFERED_BYTES, openEventStream } from './stream.ts';

/** Every stream a test opens, ended after it: an open one stays on the platform's recheck timer. */
const opened: Array<AsyncIterator<unknown>> = [];
afterEach(async () => void (await Promise.all(opened.splice(0).map((s) => s.return?.()))));

function setUp(expiresInMs = 60_000, recheck?: () => Promise<unknown>, apiKey = false) {
  let deliver: ((delivery: Delivery) => void) | undefined;
  const closes: number[] = [];
  const sent: string[] = [];
  const source = {
    add: (subscriber: Subscriber) => void (deliver = (d: Delivery) => subscriber.deliver(d)),
    remove: () => void (deliver = undefined),
  };
  const operation = {
    session: { expiresAt: Date.now() + expiresInMs, recheck, apiKey },
    id: 'sub-1',
    socket: {
      bufferedAmount: 0,
      send: (data: Buffer) => void sent.push(data.toString()),
      close: (code: number) => void closes.push(code),
    },
  } as unknown as Operation;
  const stream = openEventStream(operation, source, createSubscriptionMetrics(new Registry()));
  opened.push(stream);
  return {
    stream,
    closes,
    sent,
    socket: operation.socket as { bufferedAmount: number },
    deliver: (d: Delivery) => deliver?.(d),
    subscribed: () => !!deliver,
  };
}

describe('openEventStream', () => {
  it('sends each event to the socket under the client subscription id, in order', () => {
    const { deliver, sent } = setUp();
    deliver({ frames: new EventFrames({ data: { n: 1 } }) });
    deliver({ frames: new EventFrames({ data: { n: 2 } }) });
    expect(sent.map((frame) => JSON.parse(frame))).toEqual([
      { id: 'sub-1', type: 'next', payload: { data: { n: 1 } } },
      { id: 'sub-1', type: 'next', payload: { data: { n: 2 } } },
    ]);
  });

  it('disconnects a client whose socket holds too much unsent, and only that one', async () => {
    const slow = setUp();
    const fast = setUp();
    slow.socket.bufferedAmount = MAX_BUFFERED_BYTES + 1;
    const frames = new EventFrames({ data: { n: 1 } });
    slow.deliver({ frames });
    fast.deliver({ frames });
    expect(slow.closes).toEqual([CLOSE_TOO_SLOW]);
    expect(slow.sent).toEqual([]);
    expect(await slow.stream.next()).toEqual({ value: undefined, done: true });
    expect(slow.subscribed()).toBe(false);
    expect(fast.closes).toEqual([]);
    expect(fast.sent).toHaveLength(1);
  });

  it('leaves the shared source as soon as the client leaves, with no event pending', async () => {
    const { stream, subscribed } = setUp();
    const pending = stream.next();
    await stream.return!();
    expect(subscribed()).toBe(false);
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('ends with UNAUTHENTICATED at the first check after the token expired', async () => {
    const { stream, subscribed } = setUp(50);
    const first = await stream.next(); // within one period (2 s) of the platform's timer
    expect(JSON.stringify(first.value)).toContain('UNAUTHENTICATED');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(subscribed()).toBe(false);
  });

  it('closes a key’s socket with 4401 when a subgraph refuses the key’s token, and ends others with the error', async () => {
    const unauthenticated = new GraphQLError('The session has ended; log in again.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const key = setUp(60_000, undefined, true);
    key.deliver({ failure: [unauthenticated] });
    expect(key.closes).toEqual([4401]);
    expect(await key.stream.next()).toEqual({ value: undefined, done: true });

    const user = setUp();
    user.deliver({ failure: [unauthenticated] });
    expect(user.closes).toEqual([]);
    expect(JSON.stringify((await user.stream.next()).value)).toContain('The session has ended');

    // The upstream completing (no errors) ends a key's subscription, not its socket.
    const completed = setUp(60_000, undefined, true);
    completed.deliver({ failure: [] });
    expect(completed.closes).toEqual([]);
    expect(await completed.stream.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps running while its token cannot be checked, and ends at the first verdict', async () => {
    const answers = ['SUBGRAPH_UNAVAILABLE', 'UNAUTHENTICATED'];
    let checks = 0;
    const recheck = async () => {
      const code = answers[Math.min(checks++, answers.length - 1)]!;
      throw new GraphQLError(code, { extensions: { code } });
    };
    const { stream, subscribed } = setUp(60_000, recheck);
    const first = await stream.next(); // the second check: ~4 s of the platform's 2 s timer
    expect(checks).toBe(2);
    expect(JSON.stringify(first.value)).toContain('UNAUTHENTICATED');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(subscribed()).toBe(false);
  }, 10_000);
});
