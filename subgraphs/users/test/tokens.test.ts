import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@poolgraph/auth';
import { errorCodes, graphql } from '@poolgraph/testing';
import { signUp, startUsers, type UsersUnderTest } from './helpers.ts';

let users: UsersUnderTest;
let user: Awaited<ReturnType<typeof signUp>>;
beforeAll(async () => {
  users = await startUsers();
  user = await signUp(users.url);
});
afterAll(() => users.stop());

const ME = '{ me { id email } }';
const jwksUrl = () => users.url.replace('/graphql', '/.well-known/jwks.json');

const subjectOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;

async function forge(options: { kid?: string; expiresIn?: string } = {}) {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return new SignJWT({ roles: ['ADMIN'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: options.kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subjectOf(user.accessToken))
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(privateKey);
}

describe('access tokens', () => {
  it('are EdDSA JWTs with a kid that the JWKS endpoint publishes, valid for at most 15 minutes', async () => {
    const header = decodeProtectedHeader(user.accessToken);
    expect(header.alg).toBe('EdDSA');
    const jwks = (await (await fetch(jwksUrl())).json()) as {
      keys: Array<{ kid: string; d?: string }>;
    };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    const claims = JSON.parse(
      Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
  });

  it('without a token, me is null', async () => {
    const response = await graphql<{ me: null }>(users.url, ME);
    expect(response.data?.me).toBeNull();
    expect(response.errors).toBeUndefined();
  });

  it.each([
    [
      'signed by another key with a known kid',
      () => forge({ kid: decodeProtectedHeader(user.accessToken).kid }),
    ],
    ['signed by another key with an unknown kid', () => forge({ kid: 'made-up' })],
    [
      'with alg none',
      async () =>
        new UnsecuredJWT({ roles: ['ADMIN'] })
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('5m')
          .encode(),
    ],
    ['that is not a JWT', async () => 'garbage'],
  ])('rejects a token %s with 401 UNAUTHENTICATED', async (_case, make) => {
    const response = await graphql(users.url, ME, {}, { token: await make() });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects an expired token, saying so', async () => {
    // Long enough to be used once on a loaded machine; then wait until it has expired.
    const shortLived = await startUsers({ accessTokenTtlSeconds: 4 });
    try {
      const fresh = await signUp(shortLived.url);
      expect(
        (await graphql(shortLived.url, ME, {}, { token: fresh.accessToken })).errors,
      ).toBeUndefined();
      const { exp } = decodeJwt(fresh.accessToken);
      await new Promise((resolve) => setTimeout(resolve, exp! * 1000 + 1_100 - Date.now()));
      const response = await graphql(shortLived.url, ME, {}, { token: fresh.accessToken });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.message).toMatch(/expired/);
    } finally {
      await shortLived.stop();
    }
  });
});
