import type { ExecutionResult, GraphQLError } from 'graphql';
import { ErrorCode, isExpectedError, LiveQueue, scheduleRecheck } from '@poolgraph/platform';
import type { SubscriptionMetrics } from './metrics.ts';
import { graphQLFailure, type Operation } from './operation.ts';
import type { Delivery, SharedSource } from './source.ts';

/** Events a client may fall behind by before it is disconnected as too slow. */
export const MAX_QUEUED_EVENTS = 256;
/** graphql-ws leaves 1008 (policy violation) to us: the client did not keep up. */
export const CLOSE_TOO_SLOW = 1008;

/**
 * One client's events from a shared source, in a `LiveQueue` of its own (the platform's one
 * bounded queue, which is also the iterator graphql-ws pulls): a client that falls
 * MAX_QUEUED_EVENTS behind is disconnected with 1008 without holding up the others. Its
 * token's expiry, and a verdict of the shared re-check (revoked session), end it with
 * UNAUTHENTICATED after what it was already sent; leaving frees the shared source at once.
 */
export function openEventStream(
  operation: Operation,
  source: Pick<SharedSource, 'add' | 'remove'>,
  metrics: SubscriptionMetrics,
): AsyncIterableIterator<ExecutionResult> {
  const queue: LiveQueue<Delivery, ExecutionResult> = new LiveQueue({
    limit: MAX_QUEUED_EVENTS,
    onOverflow: () => {
      metrics.slowClients.inc();
      operation.socket.close(CLOSE_TOO_SLOW, 'Too slow: events were piling up');
      return undefined;
    },
    onEnd: () => {
      clearTimeout(expiry);
      stopRechecks();
      source.remove(subscriber);
      metrics.active.dec();
    },
    take: (delivery) => {
      // A failure is the last result: the queue was ended behind it.
      if ('failure' in delivery) return { errors: delivery.failure };
      metrics.events.inc();
      return delivery.result;
    },
  });
  /** A last result (the errors), then the end; an empty failure is the upstream completing. */
  const endWith = (failure: readonly GraphQLError[]) => {
    if (failure.length) queue.push({ failure });
    queue.end();
  };
  const subscriber = (delivery: Delivery) => {
    if ('failure' in delivery) endWith(delivery.failure);
    else queue.push(delivery);
  };
  source.add(subscriber, operation.session);
  metrics.active.inc();
  // A key's session renews its token (session.ts): the end moves with it.
  let expiry: NodeJS.Timeout;
  const armExpiry = () => {
    expiry = setTimeout(
      () => {
        if (operation.session.expiresAt > Date.now()) return armExpiry();
        endWith([
          graphQLFailure(
            ErrorCode.UNAUTHENTICATED,
            'The access token has expired; subscribe again with a fresh one.',
          ),
        ]);
      },
      Math.max(operation.session.expiresAt - Date.now(), 0),
    );
  };
  armExpiry();
  const { recheck } = operation.session;
  const stopRechecks = recheck
    ? scheduleRecheck(() => {
        recheck().catch((error: unknown) => {
          // A verdict on the token ends the subscription; a failure to ask (Redis down) does not.
          if (!isExpectedError(error)) return;
          const { message, extensions } = error as GraphQLError;
          endWith([graphQLFailure(String(extensions.code), message)]);
        });
      })
    : () => undefined;
  return queue;
}
