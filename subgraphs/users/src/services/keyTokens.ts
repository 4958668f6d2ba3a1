import { createHash } from 'node:crypto';
import { delegationClaim, looksLikeApiKey, scopesHeldBy, type Scope } from '@poolgraph/auth';
import type { UsersDb } from '../db/index.ts';
import type { AccessTokenSigner } from '../auth/keys.ts';
import { selectApiKeyBySecretHash, touchApiKey, type ApiKeyRow } from '../data/apiKeys.ts';
import { selectUsersByIds } from '../data/users.ts';

/** A key's access tokens live this long by default: the gateway exchanges again about once a minute. */
const KEY_TOKEN_TTL_SECONDS = 60;
/**
 * last_used_at is written at most this often per key, whatever the replicas: a key is
 * exchanged (and so touched) about once a minute per gateway, never once per request.
 */
const TOUCH_EVERY_SECONDS = 60;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * A delegated key's scopes as they stand now: the ones its issuer still holds. A manager who
 * lost the role (or the account) takes the keys' rights with them.
 */
async function liveDelegatedScopes(db: UsersDb, key: ApiKeyRow): Promise<Scope[]> {
  const [issuer] = await selectUsersByIds(db, [key.delegatedBy!]);
  if (!issuer) return [];
  const held = scopesHeldBy({ userId: issuer.id, roles: issuer.roles, sessionId: '', scopes: [] });
  return held.filter((scope) => key.scopes.includes(scope));
}

/**
 * A secret → an access token for its key, or null when it is not a live key (unknown,
 * revoked, expired, or a delegated key whose issuer no longer holds its scopes). The token
 * never outlives the key's expiry. Records the use (at most once a minute per key).
 */
export function createKeyTokens({
  db,
  signer,
  ttlSeconds: tokenTtlSeconds = KEY_TOKEN_TTL_SECONDS,
}: {
  db: UsersDb;
  signer: AccessTokenSigner;
  ttlSeconds?: number;
}) {
  return async (secret: string): Promise<{ accessToken: string; expiresAt: number } | null> => {
    if (!looksLikeApiKey(secret)) return null;
    const key = await selectApiKeyBySecretHash(db, hashSecret(secret));
    if (!key || key.revokedAt) return null;
    const issuedAt = Date.now();
    const left = key.expiresAt ? Math.floor((key.expiresAt.getTime() - issuedAt) / 1000) : Infinity;
    if (left < 1) return null;
    const ttlSeconds = Math.min(tokenTtlSeconds, left);
    const delegated = key.delegatedBy !== null;
    const scopes = delegated ? await liveDelegatedScopes(db, key) : key.scopes;
    if (scopes.length === 0) return null;
    const accessToken = await signer.sign({
      userId: key.id,
      roles: ['PARTNER'],
      sessionId: key.id,
      scopes,
      ttlSeconds,
      delegation: delegated
        ? delegationClaim({ managerId: key.delegatedBy!, poolIds: key.poolIds })
        : undefined,
    });
    await touchApiKey(db, key.id, new Date(issuedAt), TOUCH_EVERY_SECONDS);
    return { accessToken, expiresAt: issuedAt + ttlSeconds * 1000 };
  };
}
