import type { Server } from 'node:http';
import {
  GraphQLError,
  createSourceEventStream,
  execute,
  getOperationAST,
  parse,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { ErrorCode, isExpectedError, isVerdict } from './errors.ts';
import { scheduleRecheck } from './recheck.ts';
import {
  CURSOR_EXTENSION,
  POSITION_EXTENSION,
  STATE_EXTENSION,
  cursorOf,
  isPositionMarker,
  isState,
  setResume,
} from './subscriptionCursor.ts';

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
export function toClientError(error: unknown, log: Logger): GraphQLError {
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
  // The credentials each subscription was admitted with, to check them again while it runs.
  const admitted = new WeakMap<object, string | undefined>();
  const disposable = useServer(
    {
      schema,
      subscribe(args) {
        const authorization = admitted.get(args.contextValue as object);
        return liveResults(args, () => options.context(authorization), log);
      },
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
          if (typeof contextValue === 'object' && contextValue !== null) {
            admitted.set(contextValue, authorization);
            setResume(contextValue, payload.extensions);
          }
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

/**
 * A subscription's results: graphql-js' source stream (the resolver's iterator, a stream
 * tail's `LiveQueue`), each event executed with it as root value and its resume cursor and state
 * mark (subscriptionCursor.ts) put in the result's `extensions`, which graphql-ws sends in the
 * `next` message. Ended with a clear error when its credentials stop being valid (`recheck`,
 * on the shared re-check timer, throws an expected error: expired, revoked) and with a masked
 * one when the source fails mid-stream (graphql-ws would otherwise send the raw message: SQL,
 * parameters). A verdict wakes a next() that waits for an event, whatever the source.
 */
export async function liveResults(
  args: ExecutionArgs,
  recheck: () => Promise<unknown>,
  log: Logger,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source as AsyncIterableIterator<unknown>;
  let verdict: GraphQLError | undefined;
  /** Wakes the next() waiting for an event (one settle function, not a race per event). */
  let wake: (() => void) | undefined;
  let finished = false;
  const stopRechecks = scheduleRecheck(() => {
    recheck().catch((error: unknown) => {
      // Only a verdict on the credentials ends the subscription; a Redis blip does not.
      if (!isVerdict(error)) {
        log.warn({ err: error }, 'subscription credentials could not be checked');
      } else if (!finished && !verdict) {
        verdict = toClientError(error, log);
        wake?.();
      }
    });
  });
  const finish = async (): Promise<IteratorResult<ExecutionResult>> => {
    if (!finished) {
      finished = true;
      stopRechecks();
      // Not awaited: a generator's return() waits for its pending next(), which may be never.
      void Promise.resolve(events.return?.()).catch(() => undefined);
    }
    return { value: undefined, done: true };
  };
  /** The verdict, once, as the subscription's last result. */
  const ended = async (): Promise<IteratorResult<ExecutionResult>> => {
    const errors = [verdict!];
    await finish();
    return { value: { errors }, done: false };
  };

  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return { value: undefined, done: true };
      if (verdict) return ended();
      try {
        const item = await new Promise<IteratorResult<unknown> | undefined>((resolve, reject) => {
          wake = () => resolve(undefined);
          events.next().then(resolve, reject);
        });
        wake = undefined;
        if (verdict || !item) return await ended();
        if (item.done) return await finish();
        if (isPositionMarker(item.value)) {
          const position = { [CURSOR_EXTENSION]: cursorOf(item.value), [POSITION_EXTENSION]: true };
          return { value: { extensions: position }, done: false };
        }
        const result = await execute({ ...args, rootValue: item.value });
        const cursor = cursorOf(item.value);
        const state = isState(item.value);
        if (cursor === undefined && !state) return { value: result, done: false };
        const extensions = { ...result.extensions };
        if (cursor !== undefined) extensions[CURSOR_EXTENSION] = cursor;
        if (state) extensions[STATE_EXTENSION] = true;
        return { value: { ...result, extensions }, done: false };
      } catch (error) {
        await finish().catch(() => undefined);
        return { value: { errors: [toClientError(error, log)] }, done: false };
      }
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return results;
}
