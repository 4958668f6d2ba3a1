import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, postText, type HttpReply, type Logger } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';
import type { InflightFetches } from './inflight.ts';
import type { SubgraphFailureReason, SubgraphMetrics } from './metrics.ts';

// Derived from the class so that no transitive Apollo package must be imported directly.
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export const SUBGRAPH_UNAVAILABLE = ErrorCode.SUBGRAPH_UNAVAILABLE;

export interface SubgraphDataSourceDeps {
  metrics: SubgraphMetrics;
  log: Logger;
  timeoutMs: number;
  /** Shared by every subgraph's data source of one gateway. */
  inflight: InflightFetches;
}

/** The subset of a fetch Response that errorFromResponse and parseBody read. */
function responseOf(url: string, reply: HttpReply): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    ok: reply.status >= 200 && reply.status < 300,
    status: reply.status,
    statusText: '',
    url,
    headers,
    text: async () => reply.text,
    json: async () => JSON.parse(reply.text) as unknown,
  } as unknown as FetcherResponse;
}

/** Whether a fetch is a query (merged with identical ones in flight), never a mutation. */
function isQuery(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  const document = 'document' in options ? options.document : undefined;
  const [definition] = document?.definitions ?? [];
  if (definition)
    return definition.kind === 'OperationDefinition' && definition.operation === 'query';
  return /^\s*(query\b|\{)/.test(options.request.query ?? '');
}

/** query, mutation or subscription: what the client sent (a subscription's events have no operation). */
function outerOperationType(incoming: {
  operation?: { operation: string } | null;
  document?: { definitions: readonly { kind: string; operation?: string }[] };
}): string | undefined {
  return (
    incoming.operation?.operation ??
    incoming.document?.definitions.find((d) => d.kind === 'OperationDefinition')?.operation
  );
}

/** The first error of a GraphQL response body, when the body is one. */
function firstGraphQLError(body: unknown): { message?: unknown; code?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const [first] = Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  if (typeof first !== 'object' || first === null) return undefined;
  const { message, extensions } = first as { message?: unknown; extensions?: { code?: unknown } };
  return { message, code: extensions?.code };
}

function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  return status >= 500 ? SUBGRAPH_UNAVAILABLE : 'INTERNAL_SERVER_ERROR';
}

/**
 * One per subgraph: forwards the caller's identity and tracing headers, bounds each fetch by
 * a timeout, records fetch metrics, and turns transport failures into errors that name the
 * subgraph (by default @apollo/gateway passes the raw fetch error on, which formatError masks
 * as a bare "Internal server error").
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly deps: SubgraphDataSourceDeps;

  constructor(service: { name: string; url?: string }, deps: SubgraphDataSourceDeps) {
    super({ url: service.url });
    this.subgraph = service.name;
    this.deps = deps;
  }

  /** The headers every subgraph request carries: the caller's identity and the request id. */
  identityHeaders(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of options.request.http?.headers ?? []) headers[name] = value;
    // Health checks and schema loads carry no incoming request (the kind enum is not exported).
    if (!('incomingRequestContext' in options)) return headers;
    const { authorization, requestId, clientAddress } = options.incomingRequestContext.context;
    if (authorization) headers.authorization = authorization;
    headers['x-request-id'] = requestId;
    if (clientAddress) headers['x-forwarded-for'] = clientAddress;
    // The client's operation type: a subgraph fetch is always a query, even when it follows a
    // mutation, and a subgraph reads from a lagging replica only for what a client *queried*.
    const type = outerOperationType(options.incomingRequestContext);
    if (type) headers['x-operation-type'] = type;
    return headers;
  }

  /**
   * Apollo's own process() builds node-fetch Headers and a Request per fetch and reads the
   * body through a Response; this one posts the JSON over the platform's client, merges
   * identical queries in flight (`InflightFetches`: same caller, same body) and parses once.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const end = this.deps.metrics.fetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      const { query, variables, operationName } = options.request;
      if (!query) throw new Error('Missing query');
      const headers = this.identityHeaders(options);
      const body = JSON.stringify({ query, variables, operationName });
      const send = () => postText(this.url, headers, body, this.deps.timeoutMs);
      // A query lost on a kept-alive connection the other side was closing (a proxy reloading,
      // a subgraph replica stopping) was never read: sending it once more is safe. A mutation
      // is never resent.
      const sendQuery = () => send().catch((e: unknown) => (closedUnread(e) ? send() : raise(e)));
      const reply = isQuery(options)
        ? await this.deps.inflight.run(this.url, headers, body, sendQuery)
        : await send();
      if (reply.status < 200 || reply.status >= 300) {
        throw await this.errorFromResponse(responseOf(this.url, reply));
      }
      const parsed = JSON.parse(reply.text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error('Expected a JSON object from the subgraph.');
      }
      return parsed as GatewayGraphQLResponse;
    } catch (error) {
      return this.didEncounterError(error as Error);
    } finally {
      end();
    }
  }

  /** A non-2xx answer: keep the subgraph's own message and code when its body is GraphQL. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = firstGraphQLError(body);
    const message =
      typeof first?.message === 'string'
        ? first.message
        : `Subgraph "${this.subgraph}" answered HTTP ${response.status}.`;
    const code = typeof first?.code === 'string' ? first.code : codeForStatus(response.status);
    // No `response` extension (Apollo's default): it would leak internal URLs to clients.
    return new GraphQLError(message, { extensions: { code, serviceName: this.subgraph } });
  }

  /** Every failure of a fetch passes here; it must throw what the client will see. */
  override didEncounterError(error: Error): never {
    const reason = this.reasonOf(error);
    this.deps.metrics.fetchFailures.inc({ subgraph: this.subgraph, reason });
    if (reason === 'http_status') throw error;
    // The message and socket error code say it all; a stack per failed fetch would flood the log.
    this.deps.log.warn(
      { subgraph: this.subgraph, reason, error: error.message, cause: socketCode(error) },
      'subgraph fetch failed',
    );
    const detail =
      reason === 'timeout' ? `no answer within ${this.deps.timeoutMs} ms` : causeCode(error);
    throw new GraphQLError(`Subgraph "${this.subgraph}" is unavailable: ${detail}.`, {
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.subgraph },
    });
  }

  private reasonOf(error: Error): SubgraphFailureReason {
    if (error instanceof GraphQLError && error.extensions.serviceName) return 'http_status';
    if (error.name === 'TimeoutError') return 'timeout';
    // undici's request rejects with the socket's own error code (ECONNREFUSED, UND_ERR_SOCKET…).
    if (socketCode(error)) return 'unreachable';
    return 'invalid_response';
  }
}

/** The connection error's code, if the failure was one. */
function socketCode(error: Error): string | undefined {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code) ? code : undefined;
}

/** A short, address-free reason for clients (the log line has the full error). */
function causeCode(error: Error): string {
  return socketCode(error) ?? 'unreadable response';
}

const raise = (error: unknown): never => {
  throw error;
};

/** undici's "other side closed" / a reset: the connection ended before any answer came. */
function closedUnread(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === 'UND_ERR_SOCKET' || e.code === 'ECONNRESET') return true;
  }
  return false;
}
