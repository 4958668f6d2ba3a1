import { GraphQLError } from 'graphql';

/** How many events one subgraph subscription may have waiting before it is ended. */
export const SUBSCRIPTION_QUEUE_LIMIT = 1_000;

/** The error a subgraph subscription ends with when its consumer fell `limit` events behind. */
export const subscriberBehind = (limit: number) =>
  new GraphQLError(
    `The subscription fell more than ${limit} events behind and was ended; subscribe again.`,
    { extensions: { code: 'SUBSCRIPTION_BEHIND' } },
  );

export interface LiveQueueOptions<T, R> {
  /** Items that may wait for the consumer; one more is an overflow. */
  limit: number;
  /**
   * The slow consumer's fate, decided once, at the push that finds `limit` items waiting: the
   * queue ends, what waits is dropped, and the consumer's next `next()` throws the error this
   * returns (a subgraph: SUBSCRIPTION_BEHIND), or just ends when it returns nothing (the
   * gateway closes the client's socket here instead). Either way nothing else is queued for
   * it: a consumer that cannot keep up must not grow the process's memory or hold up the
   * producer, which serves every other consumer too.
   */
  onOverflow: () => Error | undefined;
  /** Runs once when the queue is finished, however: return(), the end read, a failure thrown. */
  onEnd?: () => void;
  /**
   * Applied to each item as the consumer takes it (its own filter and lookups: authorization,
   * a row to load), at the consumer's pace rather than the producer's: undefined skips it.
   */
  take?: (item: T) => R | undefined | Promise<R | undefined>;
}

const SKIPPED = Symbol('skipped');
/** What a waiting consumer is woken with: a result, or "that item was skipped, look again". */
type Wake<R> = IteratorResult<R> | typeof SKIPPED;
type Waiter<R> = { resolve: (wake: Wake<R>) => void; reject: (error: unknown) => void };

const DONE = Object.freeze({ value: undefined, done: true }) as IteratorResult<never>;

/**
 * The one bounded queue between a producer that pushes (a stream tail's reader, the gateway's
 * upstream subgraph subscription) and a consumer that pulls (graphql-ws sending to a socket),
 * and the async iterator the consumer pulls with. Hand-written rather than an async generator
 * because a generator only sees return() at its next yield: here return() ends a pending
 * next() at once, so a client that leaves frees its subscription (down to the stream tail's
 * listener) while nothing is happening.
 *
 * - `push(item)`: delivered to a waiting consumer or queued; false when refused (finished).
 * - `end()`: nothing more; what is queued is still delivered, then done.
 * - `fail(error)`: what is queued is dropped; the consumer's next `next()` throws `error`.
 * - overflow: see `onOverflow`.
 */
export class LiveQueue<T, R = T> implements AsyncIterableIterator<R> {
  private items: T[] = [];
  private head = 0;
  private waiter: Waiter<R> | undefined;
  private failure: Error | undefined;
  private ending = false;
  private finished = false;

  constructor(private readonly options: LiveQueueOptions<T, R>) {}

  /** Items waiting for the consumer. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** True once nothing more will be delivered (ended, failed, overflowed or returned). */
  get closed(): boolean {
    return this.finished || this.ending || this.failure !== undefined;
  }

  push(item: T): boolean {
    if (this.closed) return false;
    if (this.waiter) {
      void this.hand(item);
      return true;
    }
    if (this.length >= this.options.limit) {
      const error = this.options.onOverflow();
      if (error) this.fail(error);
      else this.end(true);
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** No more items: what waits is delivered, then the iterator is done (unless `drop`). */
  end(drop = false): void {
    if (this.closed) return;
    this.ending = true;
    if (drop) this.clear();
    if (this.length === 0) this.settle(undefined);
  }

  fail(error: Error): void {
    if (this.closed) return;
    this.failure = error;
    this.clear();
    this.settle(error);
  }

  async next(): Promise<IteratorResult<R>> {
    for (;;) {
      if (this.finished) return DONE;
      if (this.length > 0) {
        let value: R | undefined;
        try {
          value = await this.refine(this.shift());
        } catch (error) {
          this.finish();
          throw error;
        }
        if (this.finished) return DONE;
        if (value !== undefined) return { value, done: false };
        continue;
      }
      if (this.failure) {
        this.finish();
        throw this.failure;
      }
      if (this.ending) {
        this.finish();
        return DONE;
      }
      const woken = await new Promise<Wake<R>>((resolve, reject) => {
        this.waiter = { resolve, reject };
      });
      if (woken !== SKIPPED) return woken;
    }
  }

  async return(): Promise<IteratorResult<R>> {
    this.finish();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<R>> {
    this.finish();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** An item for the waiting consumer: refined, then handed over (or the wait goes on). */
  private async hand(item: T): Promise<void> {
    const waiter = this.waiter!;
    this.waiter = undefined;
    try {
      const value = await this.refine(item);
      if (this.finished) waiter.resolve(DONE);
      else if (value === undefined) waiter.resolve(SKIPPED);
      else waiter.resolve({ value, done: false });
    } catch (error) {
      this.finish();
      waiter.reject(error);
    }
  }

  private async refine(item: T): Promise<R | undefined> {
    const { take } = this.options;
    return take ? take(item) : (item as unknown as R);
  }

  private shift(): T {
    const item = this.items[this.head]!;
    this.head++;
    if (this.head === this.items.length) this.clear();
    else if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  private clear(): void {
    this.items = [];
    this.head = 0;
  }

  /** Wakes a waiting consumer with the failure (thrown) or the end. */
  private settle(error: Error | undefined): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = undefined;
    this.finish();
    if (error) waiter.reject(error);
    else waiter.resolve(DONE);
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.clear();
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve(DONE);
    this.options.onEnd?.();
  }
}
