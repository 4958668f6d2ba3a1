import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { ErrorCode, isExpectedError } from './errors.ts';

export interface SubgraphSubscriptions<TContext> {
  /**
   * The per-subscription context. `authorization` comes from the subscribe message's
   * `extensions.authorization` (the gateway multiplexes many callers over one socket) or else
   * from `connection_init`'s payload (a client connected directly). It throws to refuse.
   */
  context: (authorization: string | undefined) => Promise<TContext>;
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Masks an unexpected error as the HTTP path does; ours keep their code and message. */
function toClientError(error: unknown, log: Logger): GraphQLError {
  if (error instanceof GraphQLError && isExpectedError(error)) {
    const { http: _http, ...extensions } = error.extensions;
    return new GraphQLError(error.message, { extensions });
  }
  log.error({ err: error }, 'subscription failed');
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}

/**
 * graphql-ws on the service's own HTTP server, path /graphql. Subscriptions only: queries and
 * mutations go over HTTP, where the rest of the pipeline (metrics, limits) lives.
 */
export function attachSubscriptions<TContext>(
  server: Server,
  schema: GraphQLSchema,
  options: SubgraphSubscriptions<TContext>,
  log: Logger,
): () => Promise<void> {
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const disposable = useServer(
    {
      schema,
      async onSubscribe(ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; use HTTP POST.', {
              extensions: { code: ErrorCode.BAD_USER_INPUT },
            }),
          ];
        }
        const authorization =
          stringOf(payload.extensions?.authorization) ??
          stringOf(ctx.connectionParams?.authorization);
        try {
          const contextValue = await options.context(authorization);
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue,
          };
        } catch (error) {
          return [toClientError(error, log)];
        }
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return {
          ...result,
          errors: result.errors.map((e) => toClientError(e.originalError ?? e, log).toJSON()),
        };
      },
    },
    wsServer,
  );
  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
  };
}
