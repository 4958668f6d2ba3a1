import type { ExecutionResult, GraphQLError } from 'graphql';
import { ErrorCode, isExpectedError, LiveQueue, scheduleRecheck } from '@poolgraph/platform';
import type { SubscriptionMetrics } from './metrics.ts';
import { graphQLFailure, type Operation } from './operation.ts';
import type { Delivery, SharedSource } from './source.ts';

/**
 * Bytes a client's socket may hold unsent (about a thousand typical events) before the client is
 * disconnected as too slow.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** graphql-ws leaves 1008 (policy violation) to us: the client did not keep up. */
export const CLOSE_TOO_SLOW = 1008;
const TEXT = { binary: false };

/**
 * One client's events from a shared source. Each event's frame goes straight to the client's
 * socket as the source delivers it (frames.ts), in the source's order; the socket's own buffer
 * is the only queue, and a client whose socket holds MAX_BUFFERED_BYTES unsent is disconnected
 * with 1008 without holding up the others. graphql-ws pulls the returned iterator only for the
 * end: a last result with the errors (upstream failure, expiry, a verdict of the re-check:
 * revoked session), then its `complete`, both after every frame already sent. Leaving (the
 * client's `complete`, a closed socket) frees the shared source at once.
 */
export function openEventStream(
  operation: Operation,
  source: Pick<SharedSource, 'add' | 'remove'>,
  metrics: SubscriptionMetrics,
): AsyncIterableIterator<ExecutionResult> {
  const { socket, id } = operation;
  const end: LiveQueue<ExecutionResult> = new LiveQueue({
    limit: 1,
    onOverflow: () => undefined,
    onEnd: () => {
      clearTimeout(expiry);
      stopRechecks();
      source.remove(subscriber);
      metrics.active.dec();
    },
  });
  /** A last result (the errors), then the end; an empty failure is the upstream completing. */
  const endWith = (failure: readonly GraphQLError[]) => {
    if (failure.length) end.push({ errors: failure });
    end.end();
  };
  const subscriber = (delivery: Delivery) => {
    if ('failure' in delivery) return endWith(delivery.failure);
    if (end.closed) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      metrics.slowClients.inc();
      socket.close(CLOSE_TOO_SLOW, 'Too slow: events were piling up');
      return endWith([]);
    }
    metrics.events.inc();
    socket.send(delivery.frames.frameFor(id), TEXT);
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
  const { recheck, authorization } = operation.session;
  // Keyed by token: the subscriptions of one token are re-checked together, with one answer.
  const stopRechecks = recheck
    ? scheduleRecheck(() => {
        recheck().catch((error: unknown) => {
          // A verdict on the token ends the subscription; a failure to ask (Redis down) does not.
          if (!isExpectedError(error)) return;
          const { message, extensions } = error as GraphQLError;
          endWith([graphQLFailure(String(extensions.code), message)]);
        });
      }, authorization)
    : () => undefined;
  return end;
}
