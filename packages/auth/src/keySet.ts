import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { peerFetch } from '@poolgraph/platform';

/** The public keys tokens are verified with, as last loaded, with what `kid`s they hold. */
export interface KeySet {
  /** The key for a token's header; reloads when the set is stale or the kid is unknown. */
  getKey: JWTVerifyGetKey;
  /** Whether the kid is in the current set (reloaded first when stale). */
  has(kid: string): Promise<boolean>;
}

export interface KeySetOptions {
  /** Reload after this long, so a retired key stops verifying. Default one minute. */
  maxAgeMs?: number;
  /** An unknown kid reloads early, at most this often (made-up kids cannot flood the source). */
  cooldownMs?: number;
  /**
   * While reloads fail, the last set keeps verifying for up to this long past `maxAgeMs`
   * (default 10 minutes), so a moment when the issuer does not answer does not reject every
   * token. A failed load is tried again no sooner than `cooldownMs` later.
   */
  staleIfErrorMs?: number;
}

/**
 * The issuer's keys could not be read (never loaded, or the last load is older than the stale
 * window allows, or a kid the set does not have could not be looked up): the token may well be
 * valid, so this is not a verdict on it.
 */
export class KeysUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the signing keys could not be loaded: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
    this.name = 'KeysUnavailable';
  }
}

/**
 * A key set loaded by `load` and kept for `maxAgeMs`. Loads are shared: concurrent callers
 * wait for one load. A failed load keeps the last set (within `staleIfErrorMs`); without one the
 * callers fail with KeysUnavailable, which verifiers answer as "try again", not as a bad token.
 */
export function cachedKeySet(
  load: () => Promise<JSONWebKeySet>,
  { maxAgeMs = 60_000, cooldownMs = 5_000, staleIfErrorMs = 10 * 60_000 }: KeySetOptions = {},
): KeySet {
  let cached: { kids: Set<string>; local: JWTVerifyGetKey; at: number } | undefined;
  let loading: Promise<void> | undefined;
  let failed: { error: unknown; at: number } | undefined;

  const reload = () =>
    (loading ??= load()
      .then((jwks) => {
        cached = {
          kids: new Set(jwks.keys.flatMap((k) => (k.kid ? [k.kid] : []))),
          local: createLocalJWKSet(jwks),
          at: Date.now(),
        };
        failed = undefined;
      })
      .catch((error: unknown) => void (failed = { error, at: Date.now() }))
      .finally(() => (loading = undefined)));

  async function current(kid?: string) {
    const now = Date.now();
    const age = cached ? now - cached.at : Infinity;
    const unknown = kid !== undefined && !cached?.kids.has(kid);
    const due = !cached || age > maxAgeMs || (unknown && age > cooldownMs);
    if (due && !(failed && now - failed.at < cooldownMs)) await reload();
    if (failed && (!cached || Date.now() - cached.at > maxAgeMs + staleIfErrorMs || unknown)) {
      throw new KeysUnavailable(failed.error);
    }
    return cached!;
  }

  return {
    getKey: async (header, token) => (await current(header.kid)).local(header, token),
    has: async (kid) => (await current()).kids.has(kid),
  };
}

/** A fixed set (tests, or keys known in advance). */
export const localKeySet = (jwks: JSONWebKeySet): KeySet =>
  cachedKeySet(async () => jwks, { maxAgeMs: Infinity, cooldownMs: Infinity });

/** The issuer's JWKS endpoint, fetched with a timeout. */
export function remoteKeySet(jwksUrl: string, options?: KeySetOptions): KeySet {
  return cachedKeySet(async () => {
    const response = await peerFetch(jwksUrl, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`${jwksUrl} answered ${response.status}`);
    const body = (await response.json()) as JSONWebKeySet;
    if (!Array.isArray(body.keys)) throw new Error(`${jwksUrl} is not a JWKS`);
    return body;
  }, options);
}
