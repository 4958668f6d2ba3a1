import { GraphQLError } from 'graphql';

/** The error codes of the public contract (docs/ARCHITECTURE.md, "The public contract"). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** An operation above one of the gateway's limits (depth, aliases, cost…); `extensions.limit` names it. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Not a user-facing rule: part of the graph is down; the client may try again later. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function graphQLError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'You must be logged in.') =>
  graphQLError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  graphQLError(ErrorCode.FORBIDDEN, message);
export const badUserInput = (
  field: string,
  message: string,
  extensions: Record<string, unknown> = {},
) => graphQLError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { ...extensions, field });
export const notFound = (what: string) =>
  graphQLError(ErrorCode.NOT_FOUND, `${what} was not found.`);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  graphQLError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
export const conflict = (message: string) => graphQLError(ErrorCode.CONFLICT, message);

/** True for errors we raised on purpose; anything else is a bug and is masked from clients. */
export function isExpectedError(error: unknown): boolean {
  const code = (error as GraphQLError | undefined)?.extensions?.code;
  return typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * True when a live subscription's re-check answered with a verdict on the caller (the token is
 * no longer valid, the membership is gone), which ends the subscription; false when it could not
 * be answered (Redis, or the issuer's keys, unreachable: SUBGRAPH_UNAVAILABLE, or a bug), which
 * leaves the subscription running until the next check.
 */
export function isVerdict(error: unknown): boolean {
  return (
    isExpectedError(error) &&
    (error as GraphQLError).extensions.code !== ErrorCode.SUBGRAPH_UNAVAILABLE
  );
}
