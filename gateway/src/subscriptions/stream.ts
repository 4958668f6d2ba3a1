import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Viewer } from '@poolgraph/auth';
import { ErrorCode, type Logger } from '@poolgraph/platform';
import type { GatewayContext } from '../context.ts';
import { executeEvent } from './execute.ts';
import type { SubscriptionMetrics } from './metrics.ts';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';
import { BoundedQueue } from './queue.ts';
import type { UpstreamConnections, UpstreamEndpoint } from './upstream.ts';

/** Events a client may fall behind by before it is disconnected as too slow. */
export const MAX_QUEUED_EVENTS = 256;
/** graphql-ws leaves 1008 (policy violation) to us: the client did not keep up. */
export const CLOSE_TOO_SLOW = 1008;

export interface Session {
  viewer: Viewer;
  authorization: string;
  /** Token expiry, ms since the epoch: the subscriptions end then. */
  expiresAt: number;
  clientAddress: string | undefined;
}

/** One client subscription, as onSubscribe prepared it. */
export interface Operation {
  session: Session;
  socket: { close(code: number, reason: string): void };
  plan: SubscriptionPlan;
  planner: SubscriptionPlanner;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

export interface StreamDeps {
  upstream: UpstreamConnections;
  metrics: SubscriptionMetrics;
  log: Logger;
  owner: UpstreamEndpoint;
  serviceMap: ServiceMap;
}

type Item = { event: ExecutionResult } | { failure: readonly GraphQLError[] };

export const graphQLFailure = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code } });

/**
 * The events of one client subscription: the owning subgraph's events, each resolved into the
 * full selection. A hand-written iterator rather than an async generator, because a generator
 * only sees return() at its next yield: a client that leaves while no event is pending would
 * keep its upstream subscription until the next event.
 */
export function openEventStream(
  operation: Operation,
  deps: StreamDeps,
): AsyncIterableIterator<ExecutionResult> {
  const { plan, session } = operation;
  const { metrics } = deps;
  const queue = new BoundedQueue<Item>(MAX_QUEUED_EVENTS);
  const finish = (failure: GraphQLError) => {
    queue.push({ failure: [failure] });
    queue.end();
  };
  const variables = Object.fromEntries(
    (plan.primary.variableUsages ?? [])
      .filter((name) => name in operation.variables)
      .map((name) => [name, operation.variables[name]]),
  );
  const unsubscribe = deps.upstream.subscribe(
    deps.owner,
    {
      query: plan.primary.operation,
      operationName: plan.primary.operationName,
      variables,
      extensions: { authorization: session.authorization },
    },
    {
      next: (event) => {
        if (queue.push({ event: event as ExecutionResult })) return;
        metrics.slowClients.inc();
        operation.socket.close(CLOSE_TOO_SLOW, 'Too slow: events were piling up');
      },
      error: (failure) => {
        if (Array.isArray(failure)) {
          queue.push({ failure: failure as GraphQLError[] });
          queue.end();
        } else {
          finish(
            graphQLFailure(
              'SUBGRAPH_UNAVAILABLE',
              `Subgraph "${deps.owner.name}" ended the subscription.`,
            ),
          );
        }
      },
      complete: () => queue.end(),
    },
  );
  const expiry = setTimeout(
    () =>
      finish(
        graphQLFailure(
          ErrorCode.UNAUTHENTICATED,
          'The access token has expired; subscribe again with a fresh one.',
        ),
      ),
    Math.max(session.expiresAt - Date.now(), 0),
  );
  metrics.active.inc();

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(expiry);
    unsubscribe();
    queue.end();
    metrics.active.dec();
  };
  const done = (): IteratorResult<ExecutionResult> => ({ value: undefined, done: true });
  const items = queue[Symbol.asyncIterator]();
  const context: GatewayContext = {
    viewer: session.viewer,
    authorization: session.authorization,
    requestId: randomUUID(),
    clientAddress: session.clientAddress,
  };

  return {
    async next() {
      const item = closed ? undefined : await items.next();
      if (!item || item.done) {
        close();
        return done();
      }
      if ('failure' in item.value) {
        close();
        return { value: { errors: item.value.failure }, done: false };
      }
      const started = process.hrtime.bigint();
      const result = await executeEvent(
        { ...operation, context, serviceMap: deps.serviceMap, log: deps.log },
        item.value.event,
      );
      metrics.eventDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
      metrics.events.inc();
      return { value: result, done: false };
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
