import type { Server } from 'node:http';
import type { ServiceMap } from '@apollo/gateway';
import { decodeJwt } from 'jose';
import type { GraphQLError } from 'graphql';
import {
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
import { isPartner, viewerFromAuthorization, type TokenVerifier } from '@poolgraph/auth';
import { ErrorCode, type Logger } from '@poolgraph/platform';
import { subscriptionQuery, type PersistedQueryPolicy } from '../persistedQueries/policy.ts';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';
import { graphQLFailure, sharingKey, type Operation, type Session } from './operation.ts';
import { SharedSource } from './source.ts';
import { openEventStream } from './stream.ts';
import type { UpstreamConnections, UpstreamEndpoint } from './upstream.ts';
import type { SubscriptionMetrics } from './metrics.ts';

export interface GatewaySubscriptionsDeps {
  server: Server;
  verifier: TokenVerifier;
  log: Logger;
  metrics: SubscriptionMetrics;
  upstream: UpstreamConnections;
  /** Trusted documents and SAFELIST: which subscribe payloads may run (persistedQueries/). */
  policy?: PersistedQueryPolicy;
  /** The current supergraph (it may be reloaded while sockets stay open). */
  current: () =>
    | { planner: SubscriptionPlanner; serviceMap: ServiceMap; subgraphs: UpstreamEndpoint[] }
    | undefined;
}

/**
 * Serves subscriptions over graphql-ws on the gateway's /graphql. Authentication happens once,
 * at connection_init (`{ authorization: "Bearer …" }`, else close 4401); authorization is the
 * owning subgraph's, at subscribe time and per event; the token's expiry ends every subscription.
 */
export function attachGatewaySubscriptions(deps: GatewaySubscriptionsDeps): () => Promise<void> {
  const { verifier, log, metrics, upstream } = deps;
  const sessions = new WeakMap<object, Session>();
  const wsServer = new WebSocketServer({ server: deps.server, path: '/graphql' });

  const sources = new Map<string, SharedSource>();

  function run(operation: Operation): AsyncIterableIterator<ExecutionResult> | ExecutionResult {
    const current = deps.current();
    const owner = current?.subgraphs.find((s) => s.name === operation.plan.primary.serviceName);
    if (!current || !owner) {
      const missing = `Subgraph "${operation.plan.primary.serviceName}" is not in the supergraph.`;
      return { errors: [graphQLFailure('SUBGRAPH_UNAVAILABLE', missing)] };
    }
    const key = sharingKey(operation);
    let source = sources.get(key);
    if (!source || source.ended) {
      const created: SharedSource = new SharedSource(
        operation,
        { upstream, metrics, log, owner, serviceMap: current.serviceMap },
        () => sources.get(key) === created && sources.delete(key),
      );
      sources.set(key, created);
      source = created;
    }
    return openEventStream(operation, source, metrics);
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
            recheck: () => viewerFromAuthorization(authorization, verifier),
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
        if (!session) return [graphQLFailure(ErrorCode.UNAUTHENTICATED, 'Not authenticated.')];
        if (session.expiresAt <= Date.now()) {
          return [
            graphQLFailure(
              ErrorCode.UNAUTHENTICATED,
              'The access token has expired; reconnect with a fresh one.',
            ),
          ];
        }
        const current = deps.current();
        if (!current)
          return [graphQLFailure('SUBGRAPH_UNAVAILABLE', 'The supergraph is not loaded yet.')];
        const query = subscriptionQuery(deps.policy, payload, isPartner(session.viewer));
        if (typeof query !== 'string') return query;
        let document: DocumentNode;
        try {
          document = parse(query);
        } catch (parseError) {
          return [parseError as GraphQLError];
        }
        const invalid = validate(current.planner.apiGraphQLSchema, document);
        if (invalid.length) return invalid;
        const operationName = payload.operationName ?? undefined;
        if (getOperationAST(document, operationName)?.operation !== 'subscription') {
          return [
            graphQLFailure(
              ErrorCode.BAD_USER_INPUT,
              'Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST.',
            ),
          ];
        }
        const variables = payload.variables ?? {};
        let plan: SubscriptionPlan;
        try {
          plan = current.planner.plan(document, query, operationName);
        } catch (planError) {
          log.warn({ err: planError }, 'subscription could not be planned');
          return [
            graphQLFailure(
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
          source: query,
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
