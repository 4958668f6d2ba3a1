import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { errorFromAnswer, PartnerCallError, type PartnerGraphQLError } from './errors.ts';
import {
  persistedRequest,
  type DataOf,
  type SubscriptionName,
  type VariablesOf,
} from './operations.ts';

export interface LiveOptions {
  /** `ws://…/graphql` or `wss://…/graphql`. */
  url: string;
  apiKey: string;
  /** A WebSocket class; `ws`'s by default. */
  webSocketImpl?: unknown;
  /** Reconnects after a dropped socket (graphql-ws's backoff); 0 = none. Default 5. */
  retryAttempts?: number;
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;

/** What graphql-ws ends an iteration with, as a PartnerCallError. */
function liveError(error: unknown): PartnerCallError {
  if (error instanceof PartnerCallError) return error;
  if (Array.isArray(error)) return errorFromAnswer(error as PartnerGraphQLError[], undefined);
  if (isCloseEvent(error)) {
    const refused = error.code === 4401;
    return new PartnerCallError(
      `the gateway closed the live connection: ${error.code}${error.reason ? ` ${error.reason}` : ''}`,
      { closeCode: error.code, ...(refused ? { code: 'UNAUTHENTICATED' } : {}) },
    );
  }
  return new PartnerCallError(`the live connection failed: ${String(error)}`);
}

/**
 * One graphql-ws socket for a key's live feeds, opened with `x-api-key` in `connection_init` at
 * the first subscription and closed a moment after the last one ends. After a dropped socket
 * graphql-ws reconnects and subscribes again; events in between are not replayed (read the
 * current state with a query after a reconnect if it matters).
 */
export function createLiveFeeds(options: LiveOptions) {
  let client: Client | undefined;
  const socket = () =>
    (client ??= createClient({
      url: options.url,
      webSocketImpl: options.webSocketImpl ?? WebSocket,
      connectionParams: { 'x-api-key': options.apiKey },
      retryAttempts: options.retryAttempts ?? 5,
    }));

  return {
    /**
     * Subscribes to a manifest subscription by id and returns its events as an async iterator.
     * It throws a PartnerCallError when the gateway refuses (FORBIDDEN, NOT_FOUND, a closed
     * socket with `closeCode` 4401 for a refused or revoked key); `break` (or `return()`) ends
     * the subscription.
     */
    subscribe<N extends SubscriptionName>(
      name: N,
      variables: VariablesOf<N>,
    ): AsyncIterableIterator<DataOf<N>> {
      const { body } = persistedRequest(name, variables);
      // graphql-ws requires a query string; the persisted id in extensions names the operation.
      const events = socket().iterate({ query: '', ...body });
      const iterator: AsyncIterableIterator<DataOf<N>> = {
        async next() {
          for (;;) {
            let step: Awaited<ReturnType<typeof events.next>>;
            try {
              step = await events.next();
            } catch (error) {
              throw liveError(error);
            }
            if (step.done) return { done: true, value: undefined };
            const { data, errors } = step.value;
            if (errors?.length) {
              await events.return?.();
              throw errorFromAnswer(errors, data);
            }
            if (data) return { done: false, value: data as DataOf<N> };
          }
        },
        async return() {
          await events.return?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return iterator;
    },
    /** Closes the socket, ending every subscription. */
    async close(): Promise<void> {
      const open = client;
      client = undefined;
      // It rejects when a connection attempt in progress fails: then nothing is left to close.
      await Promise.resolve(open?.dispose()).catch(() => undefined);
    },
  };
}
