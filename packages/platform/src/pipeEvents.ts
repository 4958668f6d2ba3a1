import { contextOfTraceparent, inSpan, SpanKind, tracingEnabled } from './tracing.ts';

/**
 * The `traceparent` an event envelope carries (the outbox's trace; see @poolgraph/events), as
 * it comes from pub/sub or, wrapped with its cursor, from a stream tail (`Cursored`).
 */
const traceparentOf = (item: unknown): string | undefined => {
  const cursored = item as { cursor?: unknown; event?: unknown } | null;
  const envelope = typeof cursored?.cursor === 'string' ? cursored.event : item;
  const trace = (envelope as { trace?: { traceparent?: unknown } } | null)?.trace;
  return typeof trace?.traceparent === 'string' ? trace.traceparent : undefined;
};

/**
 * For subgraph subscriptions (pub/sub or a stream tail): keeps the events `keep` accepts and maps them, as an iterator whose return() reaches the
 * source at once, even while next() waits (an async generator would only see it at its next
 * event, leaving the Redis subscription open until then).
 */
export function pipeEvents<T, R>(
  source: AsyncIterator<T>,
  keep: (item: T) => boolean | Promise<boolean>,
  map: (item: T) => R | Promise<R>,
): AsyncIterableIterator<R> {
  const done = (): IteratorResult<R> => ({ value: undefined, done: true });
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done) return done();
        if (!(await keep(result.value))) continue;
        const traceparent = tracingEnabled() ? traceparentOf(result.value) : undefined;
        // With tracing, the event's delivery to this subscriber joins the trace that caused it.
        const value = traceparent
          ? await inSpan(
              'subscription event',
              { kind: SpanKind.CONSUMER, parent: contextOfTraceparent(traceparent) },
              async () => map(result.value),
            )
          : await map(result.value);
        return { value, done: false };
      }
    },
    async return() {
      await source.return?.();
      return done();
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
