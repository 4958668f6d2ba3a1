import { createHash } from 'node:crypto';
import {
  invalidCredential,
  looksLikeApiKey,
  type TokenVerifier,
  type Viewer,
} from '@poolgraph/auth';
import { ErrorCode, graphQLError, postText, type Logger } from '@poolgraph/platform';

/** A cached token is exchanged again when less than this is left of its life. */
const REFRESH_BEFORE_EXPIRY_MS = 15_000;
/** A refused key is answered from memory for this long (a flood of bad keys stays here). */
const REFUSED_FOR_MS = 2_000;
const MAX_CACHED_KEYS = 10_000;
const EXCHANGE_TIMEOUT_MS = 5_000;

export interface ApiKeyIdentity {
  viewer: Viewer;
  /** `Bearer <token>`: forwarded to subgraphs, which verify it (and its scopes) themselves. */
  authorization: string;
}

export interface ApiKeyAuthenticator {
  /**
   * The key's identity, or 401 UNAUTHENTICATED when it is not a live key. `freshForMs`: a
   * cached token with less life left than this is exchanged again (a socket keeps its token
   * fresh enough for its upstream subscriptions to move to the next one before it expires).
   */
  authenticate(
    apiKey: string,
    requestId: string,
    options?: { freshForMs?: number },
  ): Promise<ApiKeyIdentity>;
}

const refused = () => invalidCredential('The API key is not valid or has been revoked.');

/**
 * Partner keys, exchanged with the users subgraph (`POST /api-keys/token`) for a short-lived
 * PARTNER access token, cached per key hash until 15 s before it expires. Every use verifies
 * the cached token again (signature cached, revocation list asked at most every 2 s), so a key
 * revoked on any replica is refused here within 2 s. Concurrent first uses of a key share one
 * exchange; keys are held as SHA-256 hashes, never in clear.
 */
export function createApiKeyAuthenticator({
  exchangeUrl,
  verifier,
  log,
}: {
  exchangeUrl: string;
  verifier: TokenVerifier;
  log: Logger;
}): ApiKeyAuthenticator {
  const tokens = new Map<string, { authorization: string; expiresAt: number }>();
  const refusedAt = new Map<string, number>();
  const exchanging = new Map<string, Promise<{ authorization: string; expiresAt: number }>>();

  const remember = <V>(map: Map<string, V>, key: string, value: V) => {
    if (map.size >= MAX_CACHED_KEYS) map.delete(map.keys().next().value!);
    map.set(key, value);
  };

  async function exchange(apiKey: string, hash: string, requestId: string) {
    let reply;
    try {
      reply = await postText(
        exchangeUrl,
        { 'x-api-key': apiKey, 'x-request-id': requestId, 'content-type': 'application/json' },
        '{}',
        EXCHANGE_TIMEOUT_MS,
      );
    } catch (error) {
      log.warn({ err: (error as Error).message, requestId }, 'api key exchange failed');
      throw graphQLError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'API keys cannot be checked right now.', {
        http: { status: 503 },
      });
    }
    if (reply.status === 401) {
      remember(refusedAt, hash, Date.now());
      throw refused();
    }
    const body = (reply.status === 200 ? JSON.parse(reply.text) : {}) as {
      accessToken?: unknown;
      expiresAt?: unknown;
    };
    if (typeof body.accessToken !== 'string' || typeof body.expiresAt !== 'number') {
      log.warn({ status: reply.status, requestId }, 'api key exchange answered unexpectedly');
      throw graphQLError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'API keys cannot be checked right now.', {
        http: { status: 503 },
      });
    }
    const entry = { authorization: `Bearer ${body.accessToken}`, expiresAt: body.expiresAt };
    remember(tokens, hash, entry);
    return entry;
  }

  async function tokenFor(apiKey: string, hash: string, requestId: string, freshForMs: number) {
    const cached = tokens.get(hash);
    if (cached && cached.expiresAt - Date.now() > freshForMs) return cached;
    const failed = refusedAt.get(hash);
    if (failed !== undefined && Date.now() - failed < REFUSED_FOR_MS) throw refused();
    let pending = exchanging.get(hash);
    if (!pending) {
      pending = exchange(apiKey, hash, requestId).finally(() => exchanging.delete(hash));
      exchanging.set(hash, pending);
    }
    return pending;
  }

  return {
    async authenticate(apiKey, requestId, options) {
      // Malformed keys never reach the users subgraph.
      if (!looksLikeApiKey(apiKey)) throw refused();
      const hash = createHash('sha256').update(apiKey).digest('hex');
      const freshForMs = Math.max(options?.freshForMs ?? 0, REFRESH_BEFORE_EXPIRY_MS);
      const { authorization } = await tokenFor(apiKey, hash, requestId, freshForMs);
      try {
        const viewer = await verifier.verify(authorization.slice('Bearer '.length));
        return { viewer, authorization };
      } catch (error) {
        // Revoked (or its signing key retired): forget the token; the key is asked again later.
        tokens.delete(hash);
        remember(refusedAt, hash, Date.now());
        log.info({ requestId, reason: (error as Error).message }, 'api key token refused');
        throw refused();
      }
    },
  };
}
