import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import type { ExecutionResult, GraphQLError } from 'graphql';
import {
  CURSOR_EXTENSION,
  POSITION_EXTENSION,
  ErrorCode,
  RESUME_EXTENSION,
  STATE_EXTENSION,
  SUBSCRIPTION_RECHECK_MS,
  type Logger,
} from '@poolgraph/platform';
import { executeEvent } from './execute.ts';
import { EventFrames } from './frames.ts';
import type { SubscriptionMetrics } from './metrics.ts';
import {
  fromUpstreamError,
  graphQLFailure,
  refusesToken,
  type Operation,
  type Session,
} from './operation.ts';
import type { UpstreamConnections, UpstreamEndpoint } from './upstream.ts';

export type Delivery = { frames: EventFrames } | { failure: readonly GraphQLError[] };
export interface Subscriber {
  deliver(delivery: Delivery): void;
}

export interface SourceDeps {
  upstream: UpstreamConnections;
  metrics: SubscriptionMetrics;
  log: Logger;
  owner: UpstreamEndpoint;
  serviceMap: ServiceMap;
}

/** Events of one source being resolved or waiting for delivery; beyond this it ends. */
export const MAX_PENDING_EVENTS = 256;

/** The upstream moves to a fresher session this long before its token expires. */
const ROTATE_BEFORE_MS = 30_000;

/**
 * One upstream subscription and one resolution per event, shared by every client subscription
 * of one user to the same operation with the same variables (tabs, devices, sessions): every
 * subgraph authorizes them by the same identity, so the result is the same for all and is
 * computed once. Events are resolved concurrently and delivered in order; each subscriber gets
 * the result in its own queue.
 *
 * Sessions of one user hold different tokens. Entity fetches use the freshest; the upstream
 * subscription, authorized with the first, moves to the freshest shortly before that token
 * expires. When no fresher session remains, the subscribers' own expiries end them.
 *
 * Resuming: a subgraph that marks its events with a cursor (`extensions.cursor` of the `next`
 * message; the ledger does) is asked to resume after the last one on every re-subscribe: the
 * reconnects graphql-ws makes (it re-sends the same payload object, which is kept up to date),
 * a rotation and a fail-over. Before the first event the cursor is the position the subgraph
 * said the subscription started after (asked for with `extensions.position`; that message is
 * not an event), so a socket lost before any event still resumes where it began. The subgraph
 * replays what the new subscription would have missed or ends it with SUBSCRIPTION_BEHIND.
 * The cursor is not forwarded to clients (executeEvent builds their results from the plan):
 * it names one upstream subscription, not theirs.
 */
export class SharedSource {
  private readonly subscribers = new Map<Subscriber, Session>();
  private upstreamSession: Session;
  /**
   * The token and expiry the upstream subscription was made with: a key's session renews its
   * token in place (session.ts), so the session object alone no longer says which one it was.
   */
  private upstreamAuthorization = '';
  private upstreamExpiresAt = 0;
  private unsubscribe: () => void;
  /** Bumped on every re-subscribe, so the callbacks of a replaced upstream are ignored. */
  private generation = 0;
  private rotation: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** Events accepted and not yet delivered. */
  private pending = 0;
  private readonly requestId = randomUUID();
  /** The last upstream event's cursor (opaque), shared by every re-subscribe of this source. */
  private cursor: string | undefined;
  /**
   * The last delivery when the subgraph marked its event as the whole current state
   * (STATE_EXTENSION): a subscriber that joins later gets it at once, as a new upstream
   * subscription would start with it.
   */
  private state: Delivery | undefined;
  /** Tokens the owning subgraph refused (revoked sessions); never used upstream again. */
  private readonly refused = new Set<string>();
  /** The upstream ended (error or complete): new subscribers need a new source. */
  ended = false;

  constructor(
    private readonly operation: Operation,
    private readonly deps: SourceDeps,
    private readonly onEmpty: () => void,
  ) {
    this.upstreamSession = operation.session;
    this.unsubscribe = this.subscribeUpstream(operation.session);
    this.scheduleRotation();
  }

  add(subscriber: Subscriber, session: Session): void {
    this.subscribers.set(subscriber, session);
    // Now, not through the chain: events still resolving are newer and are delivered after it.
    if (this.state) subscriber.deliver(this.state);
    // A fresher session arriving after the move was due (nobody fresher then) moves it now.
    if (session.expiresAt > this.upstreamExpiresAt) this.scheduleRotation();
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0) return;
    clearTimeout(this.rotation);
    this.generation++;
    this.unsubscribe();
    this.onEmpty();
  }

  /** The subscribers' session whose token lives longest. */
  private freshest(): Session {
    let best = this.upstreamSession;
    for (const session of this.subscribers.values()) {
      if (this.refused.has(session.authorization)) continue;
      if (session.expiresAt > best.expiresAt) best = session;
    }
    return best;
  }

  private scheduleRotation(): void {
    clearTimeout(this.rotation);
    const delay = Math.max(this.upstreamExpiresAt - ROTATE_BEFORE_MS - Date.now(), 0);
    this.rotation = setTimeout(() => this.rotate(), delay);
    this.rotation.unref();
  }

  private rotate(): void {
    const next = this.freshest();
    if (next.expiresAt <= this.upstreamExpiresAt) {
      // None fresher yet: a key's session renews its token on its next re-check.
      if (this.upstreamExpiresAt > Date.now()) {
        this.rotation = setTimeout(() => this.rotate(), SUBSCRIPTION_RECHECK_MS);
        this.rotation.unref();
      }
      return;
    }
    const previous = this.unsubscribe;
    this.upstreamSession = next;
    this.unsubscribe = this.subscribeUpstream(next);
    previous();
    this.scheduleRotation();
  }

  /**
   * The subgraph refused the upstream's token (its session was revoked): move to another
   * subscriber's session rather than ending everyone's subscription. Each refused token is
   * remembered, so a user whose sessions are all revoked ends after trying each once.
   */
  private failOver(): boolean {
    this.refused.add(this.upstreamAuthorization);
    let next: Session | undefined;
    for (const session of this.subscribers.values()) {
      if (this.refused.has(session.authorization)) continue;
      if (!next || session.expiresAt > next.expiresAt) next = session;
    }
    if (!next) return false;
    this.upstreamSession = next;
    this.unsubscribe = this.subscribeUpstream(next);
    this.scheduleRotation();
    return true;
  }

  private subscribeUpstream(session: Session): () => void {
    const { plan } = this.operation;
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const variables = Object.fromEntries(
      (plan.primary.variableUsages ?? [])
        .filter((name) => name in this.operation.variables)
        .map((name) => [name, this.operation.variables[name]]),
    );
    this.upstreamAuthorization = session.authorization;
    this.upstreamExpiresAt = session.expiresAt;
    const extensions: Record<string, unknown> = {
      authorization: session.authorization,
      [POSITION_EXTENSION]: true,
    };
    if (this.cursor !== undefined) extensions[RESUME_EXTENSION] = this.cursor;
    return this.deps.upstream.subscribe(
      this.deps.owner,
      {
        query: plan.primary.operation,
        operationName: plan.primary.operationName,
        variables,
        extensions,
      },
      {
        next: (event) => {
          if (!current()) return;
          const cursor = event.extensions?.[CURSOR_EXTENSION];
          if (typeof cursor === 'string') {
            this.cursor = cursor;
            // graphql-ws sends this same object again when it reconnects.
            extensions[RESUME_EXTENSION] = cursor;
          }
          if (event.extensions?.[POSITION_EXTENSION] === true) return;
          this.accept(event as ExecutionResult, event.extensions?.[STATE_EXTENSION] === true);
        },
        error: (failure) => {
          if (!current()) return;
          const errors = Array.isArray(failure)
            ? failure.map((e: unknown) => fromUpstreamError(e, this.deps.owner.name))
            : [
                graphQLFailure(
                  'SUBGRAPH_UNAVAILABLE',
                  `Subgraph "${this.deps.owner.name}" ended the subscription.`,
                ),
              ];
          if (refusesToken(errors) && this.failOver()) return;
          this.end({ failure: errors });
        },
        complete: () => {
          if (current()) this.end({ failure: [] });
        },
      },
    );
  }

  private end(delivery: Delivery): void {
    this.ended = true;
    clearTimeout(this.rotation);
    this.chain = this.chain.then(() => this.broadcast(delivery));
  }

  /**
   * Events are resolved as they arrive, several at once (entity fetches are waits, not work),
   * and delivered in arrival order: one slow resolution delays those behind it but no longer
   * adds its time to theirs. At most MAX_PENDING_EVENTS wait; beyond that the subgraphs cannot
   * keep up and the source ends rather than queue without bound.
   */
  private accept(event: ExecutionResult, isState: boolean): void {
    if (this.pending >= MAX_PENDING_EVENTS) {
      this.deps.log.warn({ subgraph: this.deps.owner.name }, 'subscription events piled up');
      this.generation++;
      this.unsubscribe();
      this.end({
        failure: [
          graphQLFailure(
            ErrorCode.SUBGRAPH_UNAVAILABLE,
            'Events arrived faster than they could be resolved; subscribe again.',
          ),
        ],
      });
      return;
    }
    this.pending++;
    const resolved = this.resolve(event);
    this.chain = this.chain.then(async () => {
      const delivery = await resolved;
      this.pending--;
      if (!delivery) return;
      this.state = isState ? delivery : undefined;
      this.broadcast(delivery);
    });
  }

  private async resolve(event: ExecutionResult): Promise<Delivery | undefined> {
    if (this.subscribers.size === 0) return undefined;
    const session = this.freshest();
    const started = process.hrtime.bigint();
    try {
      const result = await executeEvent(
        {
          ...this.operation,
          context: {
            viewer: session.viewer,
            authorization: session.authorization,
            requestId: this.requestId,
            clientAddress: session.clientAddress,
          },
          serviceMap: this.deps.serviceMap,
          log: this.deps.log,
        },
        event,
      );
      this.deps.metrics.eventDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
      // Serialized once here; every subscriber's socket sends these same bytes.
      return { frames: new EventFrames(result) };
    } catch (error) {
      this.deps.log.error({ err: error }, 'subscription event could not be resolved');
      return {
        frames: new EventFrames({
          errors: [graphQLFailure('INTERNAL_SERVER_ERROR', 'Internal server error')],
        }),
      };
    }
  }

  private broadcast(delivery: Delivery): void {
    for (const subscriber of this.subscribers.keys()) subscriber.deliver(delivery);
  }
}
