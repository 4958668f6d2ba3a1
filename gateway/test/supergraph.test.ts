import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@poolgraph/auth';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack } from '@poolgraph/test-stack';

// The foundation's promises, checked as a new user would: through the real gateway in front of
// all five subgraphs, each on its own fresh database.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken user { id email roles } }
}`;
const LOG_IN = `mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) { accessToken refreshToken user { id } }
}`;
const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken }
}`;
const ME = '{ me { id email roles } }';

type Tokens = { accessToken: string; refreshToken: string };

describe('sessions through the gateway', () => {
  it('signUp, logIn, then me returns the user', async () => {
    const input = {
      email: 'Grace@Example.com',
      password: 'compilers are fun',
      name: 'Grace',
      role: 'MANAGER',
    };
    const signedUp = expectData(
      await graphql<{ signUp: Tokens & { user: { id: string } } }>(stack.gatewayUrl, SIGN_UP, {
        input,
      }),
    );
    const loggedIn = expectData(
      await graphql<{ logIn: Tokens }>(stack.gatewayUrl, LOG_IN, {
        email: 'grace@example.com',
        password: input.password,
      }),
    );
    const me = expectData(
      await graphql<{ me: { id: string; email: string; roles: string[] } }>(
        stack.gatewayUrl,
        ME,
        {},
        { token: loggedIn.logIn.accessToken },
      ),
    );
    expect(me.me).toEqual({
      id: signedUp.signUp.user.id,
      email: 'grace@example.com',
      roles: ['MANAGER'],
    });
  });

  it('refreshSession rotates, and reusing the old token fails and revokes the new one too', async () => {
    const user = await stack.signUp('INVESTOR');
    const rotated = expectData(
      await graphql<{ refreshSession: Tokens }>(stack.gatewayUrl, REFRESH, {
        token: user.refreshToken,
      }),
    );
    expect(rotated.refreshSession.refreshToken).not.toBe(user.refreshToken);
    const me = await graphql<{ me: { id: string } }>(
      stack.gatewayUrl,
      ME,
      {},
      { token: rotated.refreshSession.accessToken },
    );
    expect(me.data?.me.id).toBe(user.userId);

    expect(
      errorCodes(await graphql(stack.gatewayUrl, REFRESH, { token: user.refreshToken })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(
        await graphql(stack.gatewayUrl, REFRESH, { token: rotated.refreshSession.refreshToken }),
      ),
    ).toEqual(['UNAUTHENTICATED']);
  });
});

describe('anonymous and forged callers', () => {
  it('without a token, me is null and a protected field is UNAUTHENTICATED', async () => {
    const me = await graphql<{ me: null }>(stack.gatewayUrl, ME);
    expect(me.data).toEqual({ me: null });
    expect(me.errors).toBeUndefined();
    const user = await stack.signUp('INVESTOR');
    const protectedField = await graphql(
      stack.gatewayUrl,
      'query($id: ID!) { user(id: $id) { name } }',
      { id: user.userId },
    );
    expect(errorCodes(protectedField)).toEqual(['UNAUTHENTICATED']);
  });

  async function foreignToken(kid?: string) {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject('01900000-0000-7000-8000-000000000000')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  }

  it.each([
    [
      'signed by another key',
      async () => foreignToken(decodeProtectedHeader((await stack.signUp('INVESTOR')).token).kid),
    ],
    [
      'with alg none',
      async () =>
        new UnsecuredJWT({ roles: ['ADMIN'] })
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setSubject('01900000-0000-7000-8000-000000000000')
          .setIssuedAt()
          .setExpirationTime('5m')
          .encode(),
    ],
  ])('rejects a token %s with 401 UNAUTHENTICATED', async (_case, make) => {
    const response = await graphql(stack.gatewayUrl, ME, {}, { token: await make() });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('a subgraph called directly with a forged identity returns nothing protected', async () => {
    const victim = await stack.signUp('MANAGER');
    const forgedHeaders = {
      'x-user-id': victim.userId,
      'x-roles': 'ADMIN',
      'x-forwarded-user': victim.userId,
    };
    for (const name of ['users', 'pools', 'ledger', 'alerts', 'reports'] as const) {
      const url = `${stack.urls[name]}/graphql`;
      // A made-up header is no identity: the caller stays anonymous.
      const anonymous = await graphql<{ _service: { sdl: string } }>(
        url,
        '{ _service { sdl } }',
        {},
        { headers: forgedHeaders },
      );
      expect(anonymous.status).toBe(200);
      // A made-up token is refused outright.
      const forged = await graphql(
        url,
        '{ __typename }',
        {},
        { token: await foreignToken('made-up') },
      );
      expect(forged.status, name).toBe(401);
    }
    const me = await graphql<{ me: null }>(
      `${stack.urls.users}/graphql`,
      ME,
      {},
      { headers: forgedHeaders },
    );
    expect(me.data).toEqual({ me: null });
    const entity = await graphql(
      `${stack.urls.users}/graphql`,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }',
      { r: [{ __typename: 'User', id: victim.userId }] },
      { headers: forgedHeaders },
    );
    expect(errorCodes(entity)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(entity.data)).not.toContain(victim.email);
  });
});
