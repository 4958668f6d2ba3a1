import type { ExecutionResult, GraphQLError } from 'graphql';
import { ErrorCode, isExpectedError } from '@poolgraph/platform';
import type { SubscriptionMetrics } from './metrics.ts';
import { graphQLFailure, type Operation } from './operation.ts';
import { BoundedQueue } from './queue.ts';
import type { Delivery, SharedSource } from './source.ts';

/** Events a client may fall behind by before it is disconnected as too slow. */
export const MAX_QUEUED_EVENTS = 256;
/** graphql-ws leaves 1008 (policy violation) to us: the client did not keep up. */
export const CLOSE_TOO_SLOW = 1008;
/** How often a live subscription's token is verified again (revocation reaches it then). */
export const RECHECK_MS = 2_000;

/**
 * One client's events from a shared source, through a queue of its own (so a slow client is
 * dropped without holding up the others) and ended by its token's expiry. A hand-written
 * iterator rather than an async generator, because a generator only sees return() at its next
 * yield: a client that leaves while no event is pending would keep the upstream until then.
 */
export function openEventStream(
  operation: Operation,
  source: Pick<SharedSource, 'add' | 'remove'>,
  metrics: SubscriptionMetrics,
): AsyncIterableIterator<ExecutionResult> {
  const queue = new BoundedQueue<Delivery>(MAX_QUEUED_EVENTS);
  const subscriber = (delivery: Delivery) => {
    if (queue.push(delivery)) return;
    metrics.slowClients.inc();
    operation.socket.close(CLOSE_TOO_SLOW, 'Too slow: events were piling up');
  };
  source.add(subscriber, operation.session);
  const expiry = setTimeout(
    () => {
      queue.push({
        failure: [
          graphQLFailure(
            ErrorCode.UNAUTHENTICATED,
            'The access token has expired; subscribe again with a fresh one.',
          ),
        ],
      });
    },
    Math.max(operation.session.expiresAt - Date.now(), 0),
  );
  const { recheck } = operation.session;
  const rechecks =
    recheck &&
    setInterval(() => {
      recheck().catch((error: unknown) => {
        // A verdict on the token ends the subscription; a failure to ask (Redis down) does not.
        if (!isExpectedError(error)) return;
        const { message, extensions } = error as GraphQLError;
        queue.push({
          failure: [graphQLFailure(String(extensions.code), message)],
        });
      });
    }, RECHECK_MS);
  rechecks?.unref();
  metrics.active.inc();

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(expiry);
    clearInterval(rechecks);
    source.remove(subscriber);
    queue.end();
    metrics.active.dec();
  };
  const done = (): IteratorResult<ExecutionResult> => ({ value: undefined, done: true });
  const items = queue[Symbol.asyncIterator]();

  return {
    async next() {
      const item = closed ? undefined : await items.next();
      if (!item || item.done) {
        close();
        return done();
      }
      if ('failure' in item.value) {
        close();
        // An empty failure is the upstream completing: end without an error.
        return item.value.failure.length
          ? { value: { errors: item.value.failure }, done: false }
          : done();
      }
      metrics.events.inc();
      return { value: item.value.result, done: false };
    },
    async return() {
      close();
      return done();
    },
    async throw(error: unknown) {
      close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
