import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { decodeJwt } from 'jose';
import {
  bearerTokenOf,
  looksLikeApiKey,
  viewerFromAuthorization,
  type TokenVerifier,
} from '@poolgraph/auth';
import { ErrorCode, isVerdict } from '@poolgraph/platform';
import type { ApiKeyAuthenticator } from '../partners/apiKeys.ts';
import type { ClientSocket, Session } from './operation.ts';

/**
 * The session a `connection_init` opens: its `authorization` verified like an HTTP request's,
 * or null when it is missing, malformed or refused (the socket is then closed with 4401). A
 * failure to check it (Redis or the issuer's keys unreachable) is thrown: not a verdict.
 */
export async function openSession(
  authorization: unknown,
  clientAddress: string,
  verifier: TokenVerifier,
): Promise<Session | null> {
  if (typeof authorization !== 'string') return null;
  try {
    const viewer = await viewerFromAuthorization(authorization, verifier);
    if (!viewer) return null;
    const { exp } = decodeJwt(bearerTokenOf(authorization));
    return {
      viewer,
      authorization,
      expiresAt: (exp ?? 0) * 1000,
      clientAddress,
      // Bound, not an arrow: one per socket, and a bound function is the smallest (stream.ts).
      recheck: viewerFromAuthorization.bind(null, authorization, verifier),
    };
  } catch (error) {
    if (isVerdict(error)) return null;
    throw error;
  }
}

/**
 * Ends a key's socket, subscriptions and all, with 4401: the key was revoked or has expired.
 * Said by the socket's own re-check (websocket.ts) or by a subgraph refusing the key's token on
 * a live subscription (stream.ts), whichever comes first.
 */
export function closeEndedKeySocket(socket: Pick<ClientSocket, 'close'>): void {
  socket.close(CloseCode.Unauthorized, 'Unauthorized: the API key was revoked or has expired');
}

/**
 * A key's token is exchanged again once less than this is left of it, so the shared upstream
 * subscription (which moves to a fresher token 30 s before its own expires, source.ts) always
 * finds the next one: keys' tokens live 60 s.
 */
export const KEY_TOKEN_FRESH_FOR_MS = 40_000;

const expiryOf = (authorization: string) =>
  (decodeJwt(bearerTokenOf(authorization)).exp ?? 0) * 1000;

/**
 * The session a `connection_init` with `x-api-key` opens: the key exchanged for its PARTNER
 * token as over HTTP (`partners/apiKeys.ts`), or null when the key is malformed, unknown,
 * expired or revoked (the socket is then closed with 4401). The session outlives its 60 s
 * tokens: every re-check (2 s) asks the authenticator again, which verifies the current token
 * against the revocation list and swaps in a fresh one before it expires; a revoked or expired
 * key fails it with UNAUTHENTICATED. The key's users being unreachable is not a verdict.
 */
export async function openKeySession(
  apiKey: unknown,
  clientAddress: string,
  apiKeys: ApiKeyAuthenticator,
): Promise<Session | null> {
  if (typeof apiKey !== 'string' || !looksLikeApiKey(apiKey)) return null;
  const requestId = randomUUID();
  const identify = async () => {
    try {
      return await apiKeys.authenticate(apiKey, requestId, { freshForMs: KEY_TOKEN_FRESH_FOR_MS });
    } catch (error) {
      if ((error as GraphQLError).extensions?.code === ErrorCode.UNAUTHENTICATED) throw error;
      // Not a verdict on the key: stream.ts and the socket's check ignore plain errors.
      throw new Error(`the API key could not be checked: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  let first;
  try {
    first = await identify();
  } catch (error) {
    if ((error as GraphQLError).extensions?.code === ErrorCode.UNAUTHENTICATED) return null;
    throw error;
  }
  const session: Session = {
    viewer: first.viewer,
    authorization: first.authorization,
    expiresAt: expiryOf(first.authorization),
    clientAddress,
    apiKey: true,
    recheck: async () => {
      const next = await identify();
      if (next.authorization !== session.authorization) {
        session.authorization = next.authorization;
        session.expiresAt = expiryOf(next.authorization);
      }
      return next.viewer;
    },
  };
  return session;
}
