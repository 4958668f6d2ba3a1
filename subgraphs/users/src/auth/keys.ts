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
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, type Role } from '@poolgraph/auth';
import type { UsersDb } from '../db/index.ts';
import { insertSigningKey, selectActiveSigningKeys } from '../data/signingKeys.ts';

export interface AccessTokenSigner {
  sign(claims: { userId: string; roles: Role[]; sessionId: string }): Promise<string>;
  jwks(): Promise<JSONWebKeySet>;
}

/**
 * Signs access tokens with the newest Ed25519 key in the database, creating one on first start.
 * Keys live in MySQL so every replica signs with, and publishes, the same set.
 */
export async function createAccessTokenSigner(
  db: UsersDb,
  ttlSeconds: number,
): Promise<AccessTokenSigner> {
  let keys = await selectActiveSigningKeys(db);
  if (keys.length === 0) {
    const pair = await generateKeyPair(TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
    const kid = randomBytes(12).toString('base64url');
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid };
    const publicJwk = {
      ...(await exportJWK(pair.publicKey)),
      kid,
      alg: TOKEN_ALGORITHM,
      use: 'sig',
    };
    await insertSigningKey(db, {
      kid,
      privateJwk: JSON.stringify(privateJwk),
      publicJwk: JSON.stringify(publicJwk),
    });
    keys = await selectActiveSigningKeys(db);
  }
  const newest = keys[0]!;
  const privateKey = (await importJWK(
    JSON.parse(newest.privateJwk) as JWK,
    TOKEN_ALGORITHM,
  )) as CryptoKey;

  return {
    async sign({ userId, roles, sessionId }) {
      return new SignJWT({ roles, sid: sessionId })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: newest.kid, typ: 'JWT' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(privateKey);
    },
    async jwks() {
      // Read on each call: a key added by another replica is published at once.
      const active = await selectActiveSigningKeys(db);
      return { keys: active.map((k) => JSON.parse(k.publicJwk) as JWK) };
    },
  };
}
