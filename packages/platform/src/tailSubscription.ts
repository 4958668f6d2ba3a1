import type { GraphQLError } from 'graphql';
import { subscriberBehind } from './boundedEvents.ts';
import { compareStreamIds as cmp, isStreamId } from './streamIds.ts';
import type { Cursored } from './streamTail.ts';
import type { TailEntry } from './tailWindow.ts';

export interface TailSubscription<T> {
  /** A live entry from the tail: held while the replay runs, then delivered. */
  offer(entry: TailEntry<T>): void;
  /** No replay: deliver live entries from now on. */
  live(): void;
  /** The replay's entries, delivered before the held live ones (duplicates dropped). */
  replayed(entries: readonly TailEntry<T>[]): void;
  fail(error: GraphQLError): void;
  iterator: AsyncIterableIterator<Cursored<T>>;
}

interface Options {
  /** Events waiting (queued, or held during a replay) before the subscription is ended. */
  limit: number;
  resumeAfter: string | undefined;
  onEnd: () => void;
}

/**
 * One subscriber of a stream tail: a bounded queue (as boundedEvents) that delivers each entry
 * at most once and in stream order. `last` is the newest cursor delivered (or resumed after):
 * anything at or before it is a duplicate, whether it comes from the replay or live.
 */
export function openTailSubscription<T>({
  limit,
  resumeAfter,
  onEnd,
}: Options): TailSubscription<T> {
  const queue: Cursored<T>[] = [];
  let held: TailEntry<T>[] | undefined = [];
  let last = isStreamId(resumeAfter) ? resumeAfter : undefined;
  let waiting: { resolve: (r: IteratorResult<Cursored<T>>) => void; reject: (e: unknown) => void };
  let waitingSet = false;
  let failure: GraphQLError | undefined;
  let finished = false;
  const done = (): IteratorResult<Cursored<T>> => ({ value: undefined, done: true });

  const finish = () => {
    if (finished) return;
    finished = true;
    queue.length = 0;
    held = undefined;
    onEnd();
  };
  const fail = (error: GraphQLError) => {
    if (finished || failure) return;
    failure = error;
    queue.length = 0;
    held = undefined;
    if (waitingSet) {
      waitingSet = false;
      finish();
      waiting.reject(error);
    }
  };
  const deliver = (entry: TailEntry<T>) => {
    if (finished || failure) return;
    if (last !== undefined && cmp(entry.id, last) <= 0) return;
    last = entry.id;
    const item = { cursor: entry.id, event: entry.event };
    if (waitingSet) {
      waitingSet = false;
      waiting.resolve({ value: item, done: false });
    } else if (queue.length < limit) queue.push(item);
    else fail(subscriberBehind(limit));
  };
  const live = () => {
    const pending = held;
    held = undefined;
    pending?.forEach(deliver);
  };

  return {
    offer(entry) {
      if (finished || failure) return;
      if (!held) return deliver(entry);
      if (held.length < limit) held.push(entry);
      else fail(subscriberBehind(limit));
    },
    live,
    replayed(entries) {
      if (entries.length > limit) return fail(subscriberBehind(limit));
      entries.forEach(deliver);
      live();
    },
    fail,
    iterator: {
      async next() {
        if (queue.length) return { value: queue.shift()!, done: false };
        if (failure && !finished) {
          finish();
          throw failure;
        }
        if (finished) return done();
        return new Promise((resolve, reject) => {
          waiting = { resolve, reject };
          waitingSet = true;
        });
      },
      async return() {
        if (waitingSet) {
          waitingSet = false;
          waiting.resolve(done());
        }
        finish();
        return done();
      },
      async throw(error: unknown) {
        finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    },
  };
}
