import { errorFromAnswer, PartnerCallError, type PartnerGraphQLError } from './errors.ts';
import {
  persistedRequest,
  type CallName,
  type DataOf,
  type SubscriptionName,
  type VariablesArg,
  type VariablesOf,
} from './operations.ts';
import { pagesOf, type ConnectionPage, type IdListPage, type PagedName } from './paging.ts';
import { createLiveFeeds } from './subscriptions.ts';

export interface PartnerClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://api.example.com/graphql`. */
  url: string;
  /** The partner key (`pgk_…`). */
  apiKey: string;
  /** The live feeds' endpoint; by default `url` with ws(s):// for http(s)://. */
  wsUrl?: string;
  /** Per-request time limit in milliseconds; default 30 000. */
  timeoutMs?: number;
  /** A fetch to use instead of the global one (a proxy, an agent). */
  fetch?: typeof fetch;
  /** A WebSocket class for the live feeds; `ws`'s by default. */
  webSocketImpl?: unknown;
  /** Reconnect attempts of the live feeds' socket; default 5. */
  retryAttempts?: number;
}

/** Reads an answer; anything but GraphQL JSON with data and no errors is a PartnerCallError. */
async function answerOf(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new PartnerCallError(`HTTP ${response.status}: the answer was cut off`, {
      status: response.status,
      cause,
    });
  }
  let body: { data?: unknown; errors?: PartnerGraphQLError[] } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object') {
    throw new PartnerCallError(`HTTP ${response.status}: the answer is not GraphQL JSON`, {
      status: response.status,
    });
  }
  if (Array.isArray(body.errors) && body.errors.length) {
    throw errorFromAnswer(body.errors, body.data ?? undefined, response.status);
  }
  if (body.data === null || body.data === undefined) {
    throw new PartnerCallError(`HTTP ${response.status}: the answer has no data`, {
      status: response.status,
    });
  }
  return body.data;
}

/**
 * A partner's typed client for the operations of the partner manifest. Every call sends the key
 * in `x-api-key` and only the operation's persisted id, never its text.
 *
 * - `run(name, variables)`: a query or mutation; resolves to its typed `data`.
 * - `pages(name, variables, select)`: an async iterator over a paged list's pages.
 * - `subscribe(name, variables)`: a live feed over graphql-ws, as an async iterator.
 * - `close()`: closes the live feeds' socket (HTTP needs no closing).
 */
export function createPartnerClient(options: PartnerClientOptions) {
  if (!options.apiKey) throw new TypeError('createPartnerClient needs an apiKey (pgk_…)');
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const live = createLiveFeeds({
    url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
    apiKey: options.apiKey,
    webSocketImpl: options.webSocketImpl,
    ...(options.retryAttempts === undefined ? {} : { retryAttempts: options.retryAttempts }),
  });

  async function run<N extends CallName>(name: N, ...[variables]: VariablesArg<N>) {
    const request = persistedRequest(name, variables);
    if (request.type === 'subscription') {
      throw new TypeError(`${name} is a subscription: use subscribe()`);
    }
    let response: Response;
    try {
      response = await fetchImpl(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new PartnerCallError(`the gateway could not be reached: ${reason}`, { cause });
    }
    return (await answerOf(response)) as DataOf<N>;
  }

  return {
    run,
    pages<N extends PagedName, Page extends ConnectionPage | IdListPage>(
      name: N,
      variables: VariablesOf<N>,
      select: (data: DataOf<N>) => Page | null | undefined,
    ): AsyncGenerator<Page, void, undefined> {
      return pagesOf(
        (next, vars) => run(next, ...([vars] as VariablesArg<typeof next>)),
        name,
        variables,
        select,
      );
    },
    subscribe<N extends SubscriptionName>(name: N, ...[variables]: VariablesArg<N>) {
      return live.subscribe(name, variables ?? ({} as VariablesOf<N>));
    },
    close: () => live.close(),
  };
}

export type PartnerClient = ReturnType<typeof createPartnerClient>;
