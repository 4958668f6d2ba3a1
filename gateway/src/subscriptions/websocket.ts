import type { IncomingMessage, Server } from 'node:http';
import type { ServiceMap } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isPartner, type TokenVerifier } from '@poolgraph/auth';
import {
  ErrorCode,
  resolveClientAddress,
  scheduleRecheck,
  TRUST_NO_PROXY,
  type Logger,
} from '@poolgraph/platform';
import { subscriptionQuery, type PersistedQueryPolicy } from '../persistedQueries/policy.ts';
import { DEFAULT_OPERATION_LIMITS, DEFAULT_WEBSOCKET_LIMITS } from '../limits/config.ts';
import type { OperationLimits, WebSocketLimits } from '../limits/config.ts';
import { costError, parseWithinLimits } from '../limits/subscriptions.ts';
import type { RateLimiter } from '../limits/rateLimit.ts';
import { socketRateLimits } from './churn.ts';
import { limitConnections } from './connectionLimits.ts';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';
import { graphQLFailure, sharingKey, type Operation, type Session } from './operation.ts';
import { closeEndedKeySocket, openKeySession, openSession } from './session.ts';
import { SharedSource } from './source.ts';
import { openEventStream } from './stream.ts';
import type { UpstreamConnections, UpstreamEndpoint } from './upstream.ts';
import type { SubscriptionMetrics } from './metrics.ts';
import type { ApiKeyAuthenticator } from '../partners/apiKeys.ts';

/** The credential could not be checked (Redis or users down): retry later (RFC 6455 1013). */
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * A key's socket lives only as long as its key: the session's re-check (2 s, the bound bearer
 * sockets' subscriptions respect) failing with a verdict closes it with 4401, subscriptions and
 * all, even when it runs none. A failure to ask (users down) is not a verdict.
 */
function closeWhenKeyEnds(
  session: Session,
  socket: { close(code: number, reason: string): void; once(event: 'close', f: () => void): void },
): void {
  const stop = scheduleRecheck(() => {
    session.recheck?.().catch((error: unknown) => {
      if ((error as GraphQLError).extensions?.code !== ErrorCode.UNAUTHENTICATED) return;
      stop();
      closeEndedKeySocket(socket);
    });
  });
  socket.once('close', stop);
}

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
  limits?: { webSocket: WebSocketLimits; operations: OperationLimits };
  /** The HTTP rate limiter (Redis GCRA): subscribe, complete and connection_init are charged. */
  rateLimiter?: RateLimiter;
  /** The caller's address, resolved as for HTTP requests (`TRUSTED_PROXIES`). */
  addressOf?: (req: IncomingMessage) => string;
  /** Partner keys (`x-api-key` in connection_init); without it, keys are refused (4401). */
  apiKeys?: ApiKeyAuthenticator;
}

/**
 * Serves subscriptions over graphql-ws on the gateway's /graphql. Authentication happens once,
 * at connection_init (`{ authorization: "Bearer …" }` or `{ "x-api-key": "pgk_…" }`, else
 * close 4401); authorization is the owning subgraph's, at subscribe time and per event; the
 * token's expiry ends every subscription. A key's socket is closed (4401) once its key is
 * revoked or expired, on the same 2 s re-check as the subscriptions.
 */
export function attachGatewaySubscriptions(deps: GatewaySubscriptionsDeps): () => Promise<void> {
  const { verifier, log, metrics, upstream } = deps;
  const sessions = new WeakMap<object, Session>();
  const wsLimits = deps.limits?.webSocket ?? DEFAULT_WEBSOCKET_LIMITS;
  const opLimits = deps.limits?.operations ?? DEFAULT_OPERATION_LIMITS;
  // ws checks the length in each frame header against maxPayload and closes with 1009 before
  // buffering the payload (fragmented messages are counted as they arrive).
  const wsServer = new WebSocketServer({
    server: deps.server,
    path: '/graphql',
    maxPayload: wsLimits.maxMessageBytes,
  });
  // The client's address as HTTP requests see it (TRUSTED_PROXIES), for limits and subgraphs.
  const addressOf =
    deps.addressOf ?? ((req: IncomingMessage) => resolveClientAddress(req, TRUST_NO_PROXY));
  const connections = limitConnections(wsServer, wsLimits, addressOf);
  const rates = socketRateLimits(deps.rateLimiter);

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
      connectionInitWaitTimeout: wsLimits.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const address = addressOf(ctx.extra.request);
        // Nothing needs the upgrade request past this point, and graphql-ws would keep it (its
        // headers and all) for the socket's life: about 1 KB a socket.
        (ctx.extra as { request?: unknown }).request = undefined;
        const params = ctx.connectionParams ?? {};
        const apiKey = params['x-api-key'];
        const { socket } = ctx.extra;
        if (apiKey !== undefined && params.authorization !== undefined) {
          socket.close(CloseCode.Unauthorized, 'Send authorization or x-api-key, not both.');
          return false;
        }
        let session: Session | null;
        try {
          session =
            apiKey === undefined
              ? await openSession(params.authorization, address, verifier)
              : deps.apiKeys
                ? await openKeySession(apiKey, address, deps.apiKeys)
                : null;
        } catch (error) {
          log.warn({ err: (error as Error).message }, 'credentials could not be checked');
          socket.close(CLOSE_TRY_AGAIN_LATER, 'Credentials cannot be checked right now.');
          return false;
        }
        // A refused credential is charged to the address, as a refused HTTP credential is.
        const limited = await rates.connection(session, address);
        if (!session || limited) {
          socket.close(
            limited ? rates.closeCode : CloseCode.Unauthorized,
            limited ??
              (apiKey === undefined
                ? 'Unauthorized: send { authorization: "Bearer <token>" } in connection_init'
                : 'Unauthorized: the API key is not valid or has been revoked'),
          );
          return false;
        }
        if (!connections.admitUser(session.viewer.userId, socket)) return false;
        if (session.apiKey) closeWhenKeyEnds(session, socket);
        sessions.set(ctx, session);
        return true;
      },
      async onSubscribe(ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
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
        const limited = await rates.subscribe(session);
        if (limited) return [limited];
        // graphql-ws has already counted this one.
        const open = Object.keys(ctx.subscriptions).length;
        if (open > wsLimits.subscriptionsPerConnection) {
          return [
            graphQLFailure(
              'TOO_MANY_SUBSCRIPTIONS',
              `A connection may run at most ${wsLimits.subscriptionsPerConnection} subscriptions; complete one first.`,
            ),
          ];
        }
        const current = deps.current();
        if (!current)
          return [graphQLFailure('SUBGRAPH_UNAVAILABLE', 'The supergraph is not loaded yet.')];
        const query = subscriptionQuery(
          deps.policy,
          payload,
          !!session.apiKey || isPartner(session.viewer),
        );
        if (typeof query !== 'string') return query;
        const document = current.planner.document(query, (text) =>
          parseWithinLimits(text, opLimits),
        );
        if (!('kind' in document)) return document;
        const schema = current.planner.apiGraphQLSchema;
        const operationName = payload.operationName ?? undefined;
        const operationNode = getOperationAST(document, operationName);
        if (operationNode?.operation !== 'subscription') {
          return [
            graphQLFailure(
              ErrorCode.BAD_USER_INPUT,
              'Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST.',
            ),
          ];
        }
        const variables = payload.variables ?? {};
        const tooCostly = costError(schema, document, operationNode, variables, opLimits);
        if (tooCostly) return [tooCostly];
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
          id,
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
      // A client's complete (or the end of a subscription) is charged like its subscribe.
      onComplete(ctx) {
        const session = sessions.get(ctx);
        if (session) rates.complete(session);
      },
      // onSubscribe put the whole operation in contextValue; graphql-ws hands it back here.
      subscribe: (args) => run(args.contextValue as Operation),
    },
    wsServer,
  );
  // A socket error is the client breaking the protocol (a message above maxPayload, invalid
  // UTF-8): ws has already closed it with the matching code. graphql-ws would print each one
  // to the console, which any client could flood.
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) =>
      log.debug({ err: error }, 'websocket closed on a protocol error'),
    );
  });

  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
  };
}
