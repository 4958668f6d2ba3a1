import { decodeJwt } from 'jose';
import { bearerTokenOf, viewerFromAuthorization, type TokenVerifier } from '@poolgraph/auth';
import type { Session } from './operation.ts';

/**
 * The session a `connection_init` opens: its `authorization` verified like an HTTP request's,
 * or null when it is missing, malformed or refused (the socket is then closed with 4401).
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
      recheck: () => viewerFromAuthorization(authorization, verifier),
    };
  } catch {
    return null;
  }
}
