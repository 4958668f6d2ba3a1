import { randomBytes } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import {
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type DelegationClaim,
  type Role,
} from '@poolgraph/auth';
import { openValue, type Keyring } from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import { SEALED } from '../data/sealedColumns.ts';
import {
  insertSigningKey,
  selectPublishedSigningKeys,
  type SigningKeyRow,
} from '../data/signingKeys.ts';

export interface AccessTokenClaims {
  userId: string;
  roles: Role[];
  sessionId: string;
  /** A partner key's scopes, signed as the space-separated `scope` claim. */
  scopes?: readonly string[];
  /** Shorter than the signer's lifetime (partner-key tokens). */
  ttlSeconds?: number;
  /** A delegated partner key's limit, signed as the `dlg` claim (every subgraph applies it). */
  delegation?: DelegationClaim;
  /** The account's sensitive operations need a recent second factor: the `mfa_req` claim. */
  secondFactorRequired?: boolean;
  /** When the session last proved a second factor: the `mfa_at` claim (seconds). */
  secondFactorAt?: Date | null;
}

export interface AccessTokenSigner {
  sign(claims: AccessTokenClaims): Promise<string>;
  jwks(): Promise<JSONWebKeySet>;
}

/** A fresh Ed25519 pair as the rows store it. */
export async function generateSigningKey() {
  const pair = await generateKeyPair(TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const kid = randomBytes(12).toString('base64url');
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid };
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  return { kid, privateJwk: JSON.stringify(privateJwk), publicJwk: JSON.stringify(publicJwk) };
}

/** The newest published key that may sign at `now`. */
const signingKeyOf = (keys: SigningKeyRow[], now: number) =>
  keys.find((k) => !k.activatesAt || k.activatesAt.getTime() <= now);

/**
 * Signs access tokens with the newest active Ed25519 key in the database, creating one on
 * first start. Keys live in MySQL so every replica signs with, and publishes, the same set; the
 * set is read again every `reloadMs`, so a rotation reaches every replica without a restart.
 */
export async function createAccessTokenSigner(
  db: UsersDb,
  ring: Keyring,
  ttlSeconds: number,
  reloadMs = 30_000,
): Promise<AccessTokenSigner> {
  if ((await selectPublishedSigningKeys(db)).length === 0) {
    await insertSigningKey(db, ring, await generateSigningKey());
  }
  const imported = new Map<string, Promise<CryptoKey>>();
  let loaded: { keys: SigningKeyRow[]; at: number } | undefined;
  let loading: Promise<SigningKeyRow[]> | undefined;

  async function published(): Promise<SigningKeyRow[]> {
    if (loaded && Date.now() - loaded.at < reloadMs) return loaded.keys;
    loading ??= selectPublishedSigningKeys(db)
      .then((keys) => {
        loaded = { keys, at: Date.now() };
        return keys;
      })
      .finally(() => (loading = undefined));
    return loading;
  }

  async function signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    const keys = await published();
    // Every key that could sign was retired meanwhile (never, with keys:rotate): the newest.
    const row = signingKeyOf(keys, Date.now()) ?? keys[0];
    if (!row) throw new Error('No signing key is published.');
    let key = imported.get(row.kid);
    if (!key) {
      // Opened once per kid and kept imported: the KEK is asked once per key, not per token.
      key = openValue(ring, SEALED.signingKeyPrivateJwk, row.kid, row.privateJwk).then(
        (jwk) => importJWK(JSON.parse(jwk) as JWK, TOKEN_ALGORITHM) as Promise<CryptoKey>,
      );
      // A failure (a KEK missing from the ring) is not cached: the next token tries again.
      key.catch(() => imported.delete(row.kid));
      imported.set(row.kid, key);
    }
    return { kid: row.kid, key: await key };
  }

  return {
    async sign({
      userId,
      roles,
      sessionId,
      scopes,
      delegation,
      ttlSeconds: ttl = ttlSeconds,
      ...factor
    }) {
      const { kid, key } = await signingKey();
      const scope = scopes ? { scope: scopes.join(' ') } : {};
      const dlg = delegation ? { dlg: { ...delegation } } : {};
      const mfa = {
        ...(factor.secondFactorRequired ? { mfa_req: true } : {}),
        ...(factor.secondFactorAt
          ? { mfa_at: Math.floor(factor.secondFactorAt.getTime() / 1000) }
          : {}),
      };
      return new SignJWT({ roles, sid: sessionId, ...scope, ...dlg, ...mfa })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: 'JWT' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(`${Math.min(ttl, ttlSeconds)}s`)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(key);
    },
    async jwks() {
      // Read on each call: a key added or retired by any replica or by keys:rotate shows at once.
      const keys = await selectPublishedSigningKeys(db);
      return { keys: keys.map((k) => JSON.parse(k.publicJwk) as JWK) };
    },
  };
}
