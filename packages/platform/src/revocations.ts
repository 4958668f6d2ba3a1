import type { RedisClient } from './redis.ts';

/**
 * The longest an access token may live (users' ACCESS_TOKEN_TTL_SECONDS is capped there) and so
 * the longest a revocation must be remembered: once every token of a revoked session has
 * expired, the record has nothing left to refuse.
 */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 900;
/** Clock skew between replicas that the records allow for. */
const SKEW_SECONDS = 60;
/** How long a process trusts a "not revoked" answer before asking Redis again. */
export const REVOCATION_CACHE_MS = 2_000;
const MAX_CACHED = 50_000;
const KEEP_LATEST = `local old = redis.call('GET', KEYS[1])
if not old or tonumber(old) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end`;

/**
 * Revoked sessions and users, shared by every process through Redis. A session is a login
 * (the refresh-token family); its id is the `sid` claim of every access token it mints, a UUIDv7
 * whose timestamp is when the session started. Revoking a user revokes every session that had
 * started by then, so one key covers them all and the check stays two GETs per (user, session), sent together.
 */
export interface SessionRevocations {
  isRevoked(userId: string, sessionId: string): Promise<boolean>;
  revokeSession(sessionId: string): Promise<void>;
  /** Every session of the user that started at or before `at` (ms since the epoch). */
  revokeUser(userId: string, at?: number): Promise<void>;
}

/** The start of a session, from its UUIDv7 id; NaN when the id is not one. */
export function sessionStartOf(sessionId: string): number {
  const hex = sessionId.replaceAll('-', '');
  if (!/^[0-9a-f]{12}7[0-9a-f]{19}$/.test(hex)) return Number.NaN;
  return parseInt(hex.slice(0, 12), 16);
}

export function createSessionRevocations(redis: RedisClient, prefix: string): SessionRevocations {
  const sessionKey = (sid: string) => `${prefix}auth:revoked:session:${sid}`;
  const userKey = (userId: string) => `${prefix}auth:revoked:user:${userId}`;
  const ttl = MAX_ACCESS_TOKEN_TTL_SECONDS + SKEW_SECONDS;
  // (user, session) → the answer and when it was read. A revoked answer never changes back.
  const cache = new Map<string, { revoked: boolean; at: number }>();

  const remember = (key: string, revoked: boolean) => {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, { revoked, at: Date.now() });
  };

  return {
    async isRevoked(userId, sessionId) {
      const key = `${userId} ${sessionId}`;
      const known = cache.get(key);
      if (known && (known.revoked || Date.now() - known.at < REVOCATION_CACHE_MS)) {
        return known.revoked;
      }
      const started = sessionStartOf(sessionId);
      // Two GETs, not one MGET: the keys are in different hash slots on a cluster (one is
      // written knowing only the session, the other only the user), and CROSSSLOT refuses that.
      const [session, user] = await Promise.all([
        redis.get(sessionKey(sessionId)),
        redis.get(userKey(userId)),
      ]);
      const revoked =
        Number.isNaN(started) || session !== null || (user !== null && started <= Number(user));
      remember(key, revoked);
      return revoked;
    },
    async revokeSession(sessionId) {
      await redis.set(sessionKey(sessionId), '1', 'EX', ttl);
      for (const [key] of cache) if (key.endsWith(` ${sessionId}`)) remember(key, true);
    },
    async revokeUser(userId, at = Date.now()) {
      // Keep the latest instant when two changes race: a later one covers an earlier one.
      await redis.eval(KEEP_LATEST, 1, userKey(userId), String(at), String(ttl));
      for (const [key] of cache) if (key.startsWith(`${userId} `)) cache.delete(key);
    },
  };
}

/**
 * Which revocation list applies to tokens of an issuer (named by its JWKS URL) in this process.
 * Every subgraph opens its Redis through `openSubgraphResources`, which registers the list
 * here; `createRemoteTokenVerifier(jwksUrl)` finds it without each service passing it along.
 */
const registry = new Map<string, Set<SessionRevocations>>();

export function registerSessionRevocations(
  jwksUrl: string,
  revocations: SessionRevocations,
): () => void {
  const set = registry.get(jwksUrl) ?? new Set();
  set.add(revocations);
  registry.set(jwksUrl, set);
  return () => {
    set.delete(revocations);
    if (set.size === 0 && registry.get(jwksUrl) === set) registry.delete(jwksUrl);
  };
}

export function sessionRevocationsFor(jwksUrl: string): SessionRevocations | undefined {
  const set = registry.get(jwksUrl);
  return set ? set.values().next().value : undefined;
}
