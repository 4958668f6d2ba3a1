import type { Server } from 'node:http';
import type { ServiceMap } from '@apollo/gateway';
import { decodeJwt } from 'jose';
import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import { ErrorCode, type Logger } from '@poolgraph/platform';
import type { GatewayContext } from '../context.ts';
import { executeEvent } from './execute.ts';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';
import { BoundedQueue } from './queue.ts';
import type { UpstreamConnections, UpstreamEndpoint } from './upstream.ts';
import type { SubscriptionMetrics } from './metrics.ts';

/** Events a client may fall behind by before it is disconnected as too slow. */
export const MAX_QUEUED_EVENTS = 256;
/** graphql-ws leaves 1008 (policy violation) to us: the client did not keep up. */
export const CLOSE_TOO_SLOW = 1008;

interface Session {
  viewer: Viewer;
  authorization: string;
  /** Token expiry, ms since the epoch: the subscriptions end then. */
  expiresAt: number;
  clientAddress: string | undefined;
}

interface Operation {
  session: Session;
  socket: { close(code: number, reason: string): void };
  plan: SubscriptionPlan;
  planner: SubscriptionPlanner;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

export interface GatewaySubscriptionsDeps {
  server: Server;
  verifier: TokenVerifier;
  log: Logger;
  metrics: SubscriptionMetrics;
  upstream: UpstreamConnections;
  /** The current supergraph (it may be reloaded while sockets stay open). */
  current: () =>
    | { planner: SubscriptionPlanner; serviceMap: ServiceMap; subgraphs: UpstreamEndpoint[] }
    | undefined;
}

const error = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code } });

/**
 * Serves subscriptions over graphql-ws on the gateway's /graphql. Authentication happens once,
 * at connection_init (`{ authorization: "Bearer …" }`, else close 4401); authorization is the
 * owning subgraph's, at subscribe time and per event; the token's expiry ends every subscription.
 */
export function attachGatewaySubscriptions(deps: GatewaySubscriptionsDeps): () => Promise<void> {
  const { verifier, log, metrics, upstream } = deps;
  const sessions = new WeakMap<object, Session>();
  const wsServer = new WebSocketServer({ server: deps.server, path: '/graphql' });

  async function* run(operation: Operation) {
    const { session, plan, planner, socket } = operation;
    const current = deps.current();
    const owner = current?.subgraphs.find((s) => s.name === plan.primary.serviceName);
    if (!current || !owner) {
      yield {
        errors: [
          error(
            'SUBGRAPH_UNAVAILABLE',
            `Subgraph "${plan.primary.serviceName}" is not in the supergraph.`,
          ),
        ],
      };
      return;
    }
    const queue = new BoundedQueue<{ event?: ExecutionResult; failure?: readonly GraphQLError[] }>(
      MAX_QUEUED_EVENTS,
    );
    const variables = Object.fromEntries(
      (plan.primary.variableUsages ?? [])
        .filter((name) => name in operation.variables)
        .map((name) => [name, operation.variables[name]]),
    );
    const unsubscribe = upstream.subscribe(
      owner,
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
          socket.close(CLOSE_TOO_SLOW, 'Too slow: events were piling up');
        },
        error: (failure) => {
          const errors = Array.isArray(failure)
            ? (failure as readonly GraphQLError[])
            : [error('SUBGRAPH_UNAVAILABLE', `Subgraph "${owner.name}" ended the subscription.`)];
          queue.push({ failure: errors });
          queue.end();
        },
        complete: () => queue.end(),
      },
    );
    const expiry = setTimeout(
      () => {
        queue.push({
          failure: [
            error(
              ErrorCode.UNAUTHENTICATED,
              'The access token has expired; subscribe again with a fresh one.',
            ),
          ],
        });
        queue.end();
      },
      Math.max(session.expiresAt - Date.now(), 0),
    );
    metrics.active.inc();
    try {
      for await (const item of queue) {
        if (item.failure) {
          yield { errors: item.failure };
          return;
        }
        const context: GatewayContext = {
          viewer: session.viewer,
          authorization: session.authorization,
          requestId: `subscription`,
          clientAddress: session.clientAddress,
        };
        const started = process.hrtime.bigint();
        yield await executeEvent(
          { ...operation, planner, context, serviceMap: current.serviceMap, log },
          item.event ?? {},
        );
        metrics.eventDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
        metrics.events.inc();
      }
    } finally {
      clearTimeout(expiry);
      unsubscribe();
      metrics.active.dec();
    }
  }

  const disposable = useServer(
    {
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        try {
          if (typeof authorization !== 'string') throw new Error('missing');
          const viewer = await viewerFromAuthorization(authorization, verifier);
          if (!viewer) throw new Error('missing');
          const { exp } = decodeJwt(authorization.replace(/^Bearer\s+/i, ''));
          sessions.set(ctx, {
            viewer,
            authorization,
            expiresAt: (exp ?? 0) * 1000,
            clientAddress: ctx.extra.request.socket.remoteAddress,
          });
          return true;
        } catch {
          ctx.extra.socket.close(
            CloseCode.Unauthorized,
            'Unauthorized: send { authorization: "Bearer <token>" } in connection_init',
          );
          return false;
        }
      },
      async onSubscribe(ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        const session = sessions.get(ctx);
        if (!session) return [error(ErrorCode.UNAUTHENTICATED, 'Not authenticated.')];
        if (session.expiresAt <= Date.now()) {
          return [
            error(
              ErrorCode.UNAUTHENTICATED,
              'The access token has expired; reconnect with a fresh one.',
            ),
          ];
        }
        const current = deps.current();
        if (!current) return [error('SUBGRAPH_UNAVAILABLE', 'The supergraph is not loaded yet.')];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (parseError) {
          return [parseError as GraphQLError];
        }
        const invalid = validate(current.planner.apiGraphQLSchema, document);
        if (invalid.length) return invalid;
        const operationName = payload.operationName ?? undefined;
        if (getOperationAST(document, operationName)?.operation !== 'subscription') {
          return [
            error(
              ErrorCode.BAD_USER_INPUT,
              'Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST.',
            ),
          ];
        }
        const variables = payload.variables ?? {};
        let plan: SubscriptionPlan;
        try {
          plan = current.planner.plan(document, payload.query, operationName);
        } catch (planError) {
          log.warn({ err: planError }, 'subscription could not be planned');
          return [
            error(
              ErrorCode.BAD_USER_INPUT,
              `The subscription cannot be planned: ${(planError as Error).message}`,
            ),
          ];
        }
        const operation: Operation = {
          session,
          socket: ctx.extra.socket,
          plan,
          planner: current.planner,
          document,
          operationName,
          variables,
        };
        return {
          schema: current.planner.apiGraphQLSchema,
          document,
          operationName,
          variableValues: variables,
          contextValue: operation,
        };
      },
      // onSubscribe put the whole operation in contextValue; graphql-ws hands it back here.
      subscribe: (args) => run(args.contextValue as Operation),
    },
    wsServer,
  );

  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
  };
}
