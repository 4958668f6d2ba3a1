import { request } from 'undici';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors.ts';
import type { Logger } from './logger.ts';
import { peerDispatcher } from './tls.ts';
import { injectTraceHeaders, inSpan, SpanKind, tracingEnabled } from './tracing.ts';

/*
 * Calls go through the process's peer dispatcher (tls.ts): kept-alive, bounded connections,
 * https:// verified against TLS_CA. undici's request API rather than fetch: no web streams per
 * call, which made fetch a fifth of the gateway's CPU.
 */

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** POSTs one body and reads the whole reply; rejects on network failure or after timeoutMs. */
export async function postText(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<HttpReply> {
  // A client span whose context travels in `traceparent`, so the callee's spans join the trace.
  return inSpan(
    tracingEnabled() ? `POST ${new URL(url).host}` : '',
    { kind: SpanKind.CLIENT, attributes: { 'url.full': url } },
    async (span) => {
      const response = await request(url, {
        dispatcher: peerDispatcher(),
        method: 'POST',
        headers: tracingEnabled() ? injectTraceHeaders({ ...headers }) : headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      span.setAttribute('http.response.status_code', response.statusCode);
      return {
        status: response.statusCode,
        headers: response.headers,
        text: await response.body.text(),
      };
    },
  );
}

/** Who a call between services is made for: the caller's own credentials and request id. */
export interface CallerIdentity {
  authorization: string | undefined;
  requestId: string;
}

export interface GraphQLReply<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

export interface ServiceClient {
  /**
   * Runs an operation on another service as the caller (its Authorization and x-request-id are
   * forwarded, so the callee applies its own rules to them). Unreachable, timed out or not
   * GraphQL: SUBGRAPH_UNAVAILABLE naming the service. GraphQL errors come back as they are.
   */
  query<T>(query: string, variables: object, caller: CallerIdentity): Promise<GraphQLReply<T>>;
}

export const subgraphUnavailable = (service: string, detail: string) =>
  new GraphQLError(`The ${service} service could not be asked (${detail}); nothing was changed.`, {
    extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: service },
  });

export function createServiceClient(options: {
  service: string;
  url: string | undefined;
  log: Logger;
  timeoutMs?: number;
}): ServiceClient {
  const { service, url, log } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async query<T>(query: string, variables: object, caller: CallerIdentity) {
      if (!url) throw subgraphUnavailable(service, 'no URL is configured');
      let reply: HttpReply;
      try {
        reply = await postText(
          url,
          {
            'content-type': 'application/json',
            'x-request-id': caller.requestId,
            ...(caller.authorization ? { authorization: caller.authorization } : {}),
          },
          JSON.stringify({ query, variables }),
          timeoutMs,
        );
      } catch (error) {
        log.warn({ err: error, service }, 'service call failed');
        const timedOut = (error as Error).name === 'TimeoutError';
        throw subgraphUnavailable(service, timedOut ? 'no answer in time' : 'unreachable');
      }
      try {
        return JSON.parse(reply.text) as GraphQLReply<T>;
      } catch {
        log.warn({ service, status: reply.status }, 'service answered without GraphQL');
        throw subgraphUnavailable(service, `HTTP ${reply.status}`);
      }
    },
  };
}

const CALLER_CODES: readonly string[] = [
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
];

/**
 * What a caller sees of another service's error: its own credential and visibility problems
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) as they are; anything else is logged here and is
 * SUBGRAPH_UNAVAILABLE, since the callee failed and the caller can only try again.
 */
export function callerFacingError(
  error: GraphQLFormattedError,
  service: string,
  log: Logger,
): GraphQLError {
  const code = error.extensions?.code;
  if (typeof code === 'string' && CALLER_CODES.includes(code)) {
    return new GraphQLError(error.message, { extensions: { code } });
  }
  log.error({ error, service }, 'service answered with an unexpected error');
  return subgraphUnavailable(service, 'unexpected answer');
}
