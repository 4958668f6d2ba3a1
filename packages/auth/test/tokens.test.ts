import { describe, expect, it } from 'vitest';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, createTokenVerifier } from '../src/index.ts';

async function keySet() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  const local = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] });
  let lookups = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    lookups++;
    return local(header, token);
  };
  const sign = (expiresAt: number) =>
    new SignJWT({ roles: ['INVESTOR'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey);
  return { keys, sign, lookups: () => lookups };
}

describe('createTokenVerifier', () => {
  it('checks a token’s signature once and remembers the result until it expires', async () => {
    const { keys, sign, lookups } = await keySet();
    const verifier = createTokenVerifier(keys);
    const token = await sign(Math.floor(Date.now() / 1000) + 60);
    expect(await verifier.verify(token)).toEqual({ userId: 'user-1', roles: ['INVESTOR'] });
    expect(await verifier.verify(token)).toEqual({ userId: 'user-1', roles: ['INVESTOR'] });
    expect(lookups()).toBe(1);
  });

  it('rejects a remembered token once it has expired', async () => {
    const { keys, sign } = await keySet();
    const verifier = createTokenVerifier(keys);
    const token = await sign(Math.floor(Date.now() / 1000) + 1);
    await verifier.verify(token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
  });

  it('never remembers a token that failed', async () => {
    const { keys, sign, lookups } = await keySet();
    const verifier = createTokenVerifier(keys);
    const tampered = `${await sign(Math.floor(Date.now() / 1000) + 60)}x`;
    await expect(verifier.verify(tampered)).rejects.toThrow(/not valid/);
    await expect(verifier.verify(tampered)).rejects.toThrow(/not valid/);
    expect(lookups()).toBe(2);
  });
});
