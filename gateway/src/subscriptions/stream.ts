import type { ExecutionResult, GraphQLError } from 'graphql';
import { ErrorCode, isVerdict, LiveQueue, scheduleRecheck } from '@poolgraph/platform';
import type { SubscriptionMetrics } from './metrics.ts';
import { graphQLFailure, refusesToken, type Operation } from './operation.ts';
import { closeEndedKeySocket } from './session.ts';
import type { Delivery, SharedSource, Subscriber } from './source.ts';

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
  return new ClientStream(operation, source, metrics).end;
}

/** A LiveQueue limit of 1 is never reached: at most the last result waits. */
const nothing = () => undefined;

/**
 * A class rather than closures: a gateway holds one per client subscription (10,000 and more),
 * and each closure a subscription kept cost a few hundred bytes (the runtime names every named
 * function it creates, which moves the function's properties out of line).
 */
class ClientStream implements Subscriber {
  readonly end: LiveQueue<ExecutionResult>;
  private readonly stopChecks: () => void;

  constructor(
    private readonly operation: Operation,
    private readonly source: Pick<SharedSource, 'add' | 'remove'>,
    private readonly metrics: SubscriptionMetrics,
  ) {
    this.end = new LiveQueue({ limit: 1, onOverflow: nothing, onEnd: this.leave.bind(this) });
    source.add(this, operation.session);
    metrics.active.inc();
    // Keyed by token: the subscriptions of one token are checked together, with one answer.
    this.stopChecks = scheduleRecheck(() => this.check(), operation.session.authorization);
  }

  deliver(delivery: Delivery): void {
    if ('failure' in delivery) {
      const { session, socket } = this.operation;
      // A key's token refused upstream means the key ended (its tokens are renewed before they
      // expire): the socket closes with 4401, as its own re-check would say a moment later.
      if (session.apiKey && refusesToken(delivery.failure)) {
        closeEndedKeySocket(socket);
        return this.endWith([]);
      }
      return this.endWith(delivery.failure);
    }
    if (this.end.closed) return;
    const { socket, id } = this.operation;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.metrics.slowClients.inc();
      socket.close(CLOSE_TOO_SLOW, 'Too slow: events were piling up');
      return this.endWith([]);
    }
    this.metrics.events.inc();
    socket.send(delivery.frames.frameFor(id), TEXT);
  }

  /** A last result (the errors), then the end; an empty failure is the upstream completing. */
  private endWith(failure: readonly GraphQLError[]): void {
    if (failure.length) this.end.push({ errors: failure });
    this.end.end();
  }

  /** A verdict on the token ends the subscription; a failure to ask (Redis down) does not. */
  private refused(error: unknown): void {
    if (!isVerdict(error)) return;
    const { message, extensions } = error as GraphQLError;
    this.endWith([graphQLFailure(String(extensions.code), message)]);
  }

  /**
   * Every 2 s: the token's expiry (a key's session renews its token, session.ts, and the end
   * moves with it), then its revocation. A key's socket is re-checked as a whole instead
   * (websocket.ts, `closeWhenKeyEnds`: a revoked key closes it with 4401, subscriptions and all).
   */
  private check(): void {
    const { session } = this.operation;
    if (session.expiresAt <= Date.now()) {
      return this.endWith([
        graphQLFailure(
          ErrorCode.UNAUTHENTICATED,
          'The access token has expired; subscribe again with a fresh one.',
        ),
      ]);
    }
    if (!session.apiKey) session.recheck?.().catch((error: unknown) => this.refused(error));
  }

  private leave(): void {
    this.stopChecks();
    this.source.remove(this);
    this.metrics.active.dec();
  }
}
