import { GraphQLError } from 'graphql';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import {
  graphQLError,
  ErrorCode,
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  sessionRevocationsFor,
  type SessionRevocations,
} from '@poolgraph/platform';
import { KeysUnavailable, remoteKeySet, type KeySet, type KeySetOptions } from './keySet.ts';
import { delegationOfClaim } from './delegation.ts';
import { scopesOfClaim } from './scopes.ts';
import { ROLES, type Role, type Viewer } from './viewer.ts';

/** A rejected credential: the whole request fails with 401 and UNAUTHENTICATED. */
export const invalidCredential = (message: string) =>
  graphQLError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/** Claims shared by the issuer (users) and every verifier. */
export const TOKEN_ISSUER = 'poolgraph-users';
export const TOKEN_AUDIENCE = 'poolgraph';
export const TOKEN_ALGORITHM = 'EdDSA';
export { MAX_ACCESS_TOKEN_TTL_SECONDS };

/** Verified tokens remembered per process (oldest dropped first). */
const MAX_CACHED_TOKENS = 10_000;
/** Clock difference between the issuer and a verifier that `iat` may show. */
const CLOCK_TOLERANCE_SECONDS = 30;

export interface TokenVerifier {
  /** Verifies an access token; throws UNAUTHENTICATED with a reason when it is not valid. */
  verify(token: string): Promise<Viewer>;
}

export interface TokenVerifierOptions {
  /**
   * Revoked sessions to refuse; a function is asked on each verification (the list may be
   * registered after the verifier is built). Without one, no revocation is checked: only for
   * tests of verification itself.
   */
  revocations?: SessionRevocations | (() => SessionRevocations | undefined);
  /** Tokens older than this (by `iat`) or meant to live longer are refused. Default 900 s. */
  maxTokenAgeSeconds?: number;
}

const revoked = () => invalidCredential('The session has ended; log in again.');

/**
 * The issuer's keys could not be read: the token was not judged, so the client should try again
 * rather than take it as a rejected credential (and log its user out). 503, like any part of
 * the graph that is down.
 */
const keysUnavailable = () =>
  graphQLError(
    ErrorCode.SUBGRAPH_UNAVAILABLE,
    'The access token could not be checked: the keys that sign it could not be loaded. Try again.',
    { http: { status: 503 } },
  );

/**
 * Verifies access tokens against a key set. Only EdDSA is accepted, so `alg: none` and
 * HMAC-confusion tokens fail before any key is looked at. A token must carry `sid` (its
 * session), must not claim to live longer than the access-token lifetime, and must not be older.
 */
export function createTokenVerifier(
  keys: KeySet,
  options: TokenVerifierOptions = {},
): TokenVerifier {
  const maxAge = options.maxTokenAgeSeconds ?? MAX_ACCESS_TOKEN_TTL_SECONDS;
  const revocationsOf =
    typeof options.revocations === 'function'
      ? options.revocations
      : () => options.revocations as SessionRevocations | undefined;
  // A token string that verified once verifies again (same bytes, same signature) while its key
  // is still published and it is within its lifetime, so the signature check is kept: each
  // request is verified by the gateway and again by every subgraph it reaches, and signature
  // checks were a tenth of a contribution's CPU. Revocation is checked on every use.
  const verified = new Map<string, { viewer: Viewer; kid: string; expiresAt: number }>();

  async function verifySignature(token: string) {
    try {
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now() && (await keys.has(known.kid))) return known;
      if (known) verified.delete(token);
      const { payload, protectedHeader } = await jwtVerify(token, keys.getKey, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [TOKEN_ALGORITHM],
        requiredClaims: ['sub', 'exp', 'iat', 'sid'],
      });
      const iat = payload.iat!;
      const exp = payload.exp!;
      const now = Date.now() / 1000;
      if (now - iat > maxAge) throw invalidCredential('The access token has expired.');
      // A leaked key must not mint a token that outlives the key's retirement by decades.
      if (exp - iat > maxAge || iat > now + CLOCK_TOLERANCE_SECONDS) {
        throw invalidCredential('The access token is not valid.');
      }
      if (typeof payload.sid !== 'string' || !protectedHeader.kid) {
        throw invalidCredential('The access token is not valid.');
      }
      const roles = Array.isArray(payload.roles)
        ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role))
        : [];
      const partner = roles.includes('PARTNER');
      // A delegation only means something for a partner key; a malformed one fails the token
      // rather than being dropped (dropping it would widen the key to a platform key).
      const delegation = partner ? delegationOfClaim(payload.dlg) : undefined;
      if (delegation === 'invalid') throw invalidCredential('The access token is not valid.');
      const viewer: Viewer = {
        userId: payload.sub!,
        roles,
        sessionId: payload.sid,
        // Scopes only mean something for partner keys; nobody else's token may carry them.
        scopes: partner ? scopesOfClaim(payload.scope) : [],
        ...secondFactorOfClaims(payload),
      };
      if (delegation) viewer.delegation = delegation;
      const entry = {
        viewer,
        kid: protectedHeader.kid,
        expiresAt: Math.min(exp, iat + maxAge) * 1000,
      };
      if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value!);
      verified.set(token, entry);
      return entry;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof KeysUnavailable) throw keysUnavailable();
      if (error instanceof errors.JWTExpired)
        throw invalidCredential('The access token has expired.');
      throw invalidCredential('The access token is not valid.');
    }
  }

  async function verifyOnce(token: string): Promise<Viewer> {
    const { viewer } = await verifySignature(token);
    const revocations = revocationsOf();
    if (revocations && (await revocations.isRevoked(viewer.userId, viewer.sessionId))) {
      throw revoked();
    }
    return viewer;
  }

  // Verifications of one token under way at once (a user's live subscriptions re-checked in one
  // tick, identical requests arriving together) share one answer: it could not differ.
  const inFlight = new Map<string, Promise<Viewer>>();
  return {
    verify(token) {
      let answer = inFlight.get(token);
      if (!answer) {
        answer = verifyOnce(token).finally(() => inFlight.delete(token));
        inFlight.set(token, answer);
      }
      return answer;
    },
  };
}

/** The `mfa_req` and `mfa_at` claims (users' second factor), when the token carries them. */
function secondFactorOfClaims(
  payload: JWTPayload,
): Pick<Viewer, 'secondFactorRequired' | 'secondFactorAt'> {
  const at = payload['mfa_at'];
  return {
    ...(payload['mfa_req'] === true ? { secondFactorRequired: true } : {}),
    ...(typeof at === 'number' && Number.isFinite(at) ? { secondFactorAt: at * 1000 } : {}),
  };
}

/**
 * A verifier for the issuer's JWKS (reloaded every minute, early on an unknown `kid`) that
 * refuses revoked sessions. The revocation list is the one this process registered for the
 * issuer (`openSubgraphResources` does), unless one is given; with neither, every token fails,
 * since a verifier that cannot see revocations must not accept sessions that have ended.
 */
export function createRemoteTokenVerifier(
  jwksUrl: string,
  options: { revocations?: SessionRevocations; keys?: KeySetOptions } = {},
): TokenVerifier {
  return createTokenVerifier(remoteKeySet(jwksUrl, options.keys), {
    revocations: () => {
      const revocations = options.revocations ?? sessionRevocationsFor(jwksUrl);
      if (!revocations) throw new Error(`No session revocation list for ${jwksUrl}.`);
      return revocations;
    },
  });
}

/**
 * `Bearer <token>`, in its one accepted form: the scheme (any case), spaces, and a token68
 * (RFC 7235: the JWT's base64url parts and dots). Only spaces and tabs around it are dropped,
 * as HTTP does with header whitespace; any other character (a no-break space, a zero-width
 * space, a second token) makes the header malformed rather than being read past, so a
 * credential has exactly one spelling.
 */
const BEARER = /^[ \t]*Bearer +([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i;

/** The token of an `Authorization: Bearer` header; throws UNAUTHENTICATED when malformed. */
export function bearerTokenOf(header: string): string {
  const match = BEARER.exec(header);
  if (!match) throw invalidCredential('The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

/** Reads `Authorization: Bearer …`; no header means anonymous, a malformed one is rejected. */
export async function viewerFromAuthorization(
  header: string | undefined,
  verifier: TokenVerifier,
): Promise<Viewer | null> {
  if (!header) return null;
  return verifier.verify(bearerTokenOf(header));
}
