import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SignJWT, importJWK, type JWK } from 'jose';
import { connectMysql, keyringFromEnv, openValue } from '@poolgraph/platform';
import { SEALED } from '@poolgraph/users/sealedColumns';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@poolgraph/auth';
import {
  errorCodes,
  eventually,
  expectData,
  graphql,
  nodeEntryArgs,
  TEST_REDIS_URL,
} from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';

// Revocation reaches access tokens: after logOut, a reused refresh token or a credential
// change, the session's access tokens stop working at the gateway and at every subgraph
// (called directly, bypassing the gateway) within 5 seconds, and its live subscriptions end.
let stack: Stack;
const clients: Client[] = [];
const ROOT = resolve(import.meta.dirname, '../..');

beforeAll(async () => {
  stack = await startStack({ without: ['alerts', 'reports'] });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await stack?.stop();
});

const ME = 'query Me { me { id roles } }';
const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken }
}`;
const LOG_IN = `mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) { accessToken refreshToken }
}`;

/** The token is refused by the gateway and by pools and ledger when called directly. */
async function expectRefusedEverywhere(token: string) {
  await eventually(async () => {
    const viaGateway = await graphql(stack.gatewayUrl, ME, {}, { token });
    expect(viaGateway.status).toBe(401);
    expect(errorCodes(viaGateway)).toEqual(['UNAUTHENTICATED']);
  }, 5_000);
  for (const name of ['users', 'pools', 'ledger'] as const) {
    const direct = await graphql(`${stack.urls[name]}/graphql`, '{ __typename }', {}, { token });
    expect({ name, status: direct.status }).toEqual({ name, status: 401 });
  }
}

async function expectAccepted(token: string) {
  const response = await graphql<{ me: { id: string } }>(stack.gatewayUrl, ME, {}, { token });
  expect(response.status).toBe(200);
  return expectData(response).me;
}

function subscribeTransactions(url: string, token: string, poolId: string) {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  const events: Array<{ errors?: unknown }> = [];
  let ended = false;
  client.subscribe(
    {
      query: 'subscription($p: ID!) { transactionPosted(poolId: $p) { id } }',
      variables: { p: poolId },
    },
    {
      next: (event) => void events.push(event as { errors?: unknown }),
      error: (errors) => {
        events.push({ errors });
        ended = true;
      },
      complete: () => (ended = true),
    },
  );
  return { events, ended: () => ended };
}

async function createPool(manager: TestUser): Promise<string> {
  const data = expectData(
    await graphql<{ createPool: { id: string } }>(
      stack.gatewayUrl,
      'mutation { createPool(input: { name: "Revocation Fund", currency: "USD" }) { id } }',
      {},
      { token: manager.token },
    ),
  );
  return data.createPool.id;
}

describe('revocation of access tokens', () => {
  it('logOut ends the access token at the gateway and at every subgraph within 5 seconds', async () => {
    const user = await stack.signUp('INVESTOR');
    await expectAccepted(user.token);
    const out = await graphql<{ logOut: boolean }>(
      stack.gatewayUrl,
      'mutation($t: String!) { logOut(refreshToken: $t) }',
      { t: user.refreshToken },
      { token: user.token },
    );
    expect(expectData(out).logOut).toBe(true);
    await expectRefusedEverywhere(user.token);
  });

  it('logOut ends only that session: another login of the same user keeps working', async () => {
    const user = await stack.signUp('INVESTOR');
    const other = expectData(
      await graphql<{ logIn: { accessToken: string } }>(stack.gatewayUrl, LOG_IN, {
        email: user.email,
        password: user.password,
      }),
    ).logIn.accessToken;
    await graphql(stack.gatewayUrl, 'mutation($t: String!) { logOut(refreshToken: $t) }', {
      t: user.refreshToken,
    });
    await expectRefusedEverywhere(user.token);
    await expectAccepted(other);
  });

  it('a session ended from the list (revokeSession) stops working everywhere within 5 seconds', async () => {
    const user = await stack.signUp('INVESTOR');
    const laptop = expectData(
      await graphql<{ logIn: { accessToken: string; refreshToken: string } }>(
        stack.gatewayUrl,
        LOG_IN,
        { email: user.email, password: user.password },
      ),
    ).logIn;
    // Accepted once first, so every verifier holds a "not revoked" answer for it in its cache.
    await expectAccepted(laptop.accessToken);
    const { mySessions } = expectData(
      await graphql<{ mySessions: Array<{ id: string; current: boolean }> }>(
        stack.gatewayUrl,
        '{ mySessions { id current } }',
        {},
        { token: user.token },
      ),
    );
    const other = mySessions.filter((s) => !s.current);
    expect(other).toHaveLength(1);
    const revoked = await graphql<{ revokeSession: boolean }>(
      stack.gatewayUrl,
      'mutation($id: ID!) { revokeSession(id: $id) }',
      { id: other[0]!.id },
      { token: user.token },
    );
    expect(expectData(revoked).revokeSession).toBe(true);
    await expectRefusedEverywhere(laptop.accessToken);
    expect(
      errorCodes(await graphql(stack.gatewayUrl, REFRESH, { token: laptop.refreshToken })),
    ).toEqual(['UNAUTHENTICATED']);
    // The session that ended it carries on.
    await expectAccepted(user.token);
  });

  it('a reused refresh token ends the access tokens its family minted', async () => {
    const user = await stack.signUp('INVESTOR');
    const rotated = expectData(
      await graphql<{ refreshSession: { accessToken: string } }>(stack.gatewayUrl, REFRESH, {
        token: user.refreshToken,
      }),
    ).refreshSession;
    await expectAccepted(rotated.accessToken);
    const reuse = await graphql(stack.gatewayUrl, REFRESH, { token: user.refreshToken });
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
    await expectRefusedEverywhere(rotated.accessToken);
    await expectRefusedEverywhere(user.token);
  });

  it('admin:create on an existing account (new password, new role) ends every session it had', async () => {
    const user = await stack.signUp('MANAGER');
    const second = expectData(
      await graphql<{ logIn: { accessToken: string; refreshToken: string } }>(
        stack.gatewayUrl,
        LOG_IN,
        { email: user.email, password: user.password },
      ),
    ).logIn;
    const newPassword = 'a brand new password';
    await promisify(execFile)(
      process.execPath,
      [
        ...(await nodeEntryArgs('subgraphs/users/src/bin/admin-create.ts')),
        '--email',
        user.email,
        '--password',
        newPassword,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          MYSQL_URL: stack.databases.users!.url,
          REDIS_URL: TEST_REDIS_URL,
          REDIS_PREFIX: stack.redisPrefix,
          LOG_LEVEL: 'silent',
        },
      },
    );
    await expectRefusedEverywhere(user.token);
    await expectRefusedEverywhere(second.accessToken);
    // The thief's refresh token must not mint tokens either (with the new ADMIN role).
    for (const token of [user.refreshToken, second.refreshToken]) {
      expect(errorCodes(await graphql(stack.gatewayUrl, REFRESH, { token }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const fresh = expectData(
      await graphql<{ logIn: { accessToken: string } }>(stack.gatewayUrl, LOG_IN, {
        email: user.email,
        password: newPassword,
      }),
    ).logIn.accessToken;
    expect((await expectAccepted(fresh)).id).toBe(user.userId);
  });

  it('ends the live subscriptions of a logged-out session, through the gateway and directly at the ledger', async () => {
    const manager = await stack.signUp('MANAGER');
    const poolId = await createPool(manager);
    const viaGateway = subscribeTransactions(stack.gatewayUrl, manager.token, poolId);
    const direct = subscribeTransactions(`${stack.urls.ledger}/graphql`, manager.token, poolId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(viaGateway.ended() || direct.ended()).toBe(false);
    await graphql(stack.gatewayUrl, 'mutation($t: String!) { logOut(refreshToken: $t) }', {
      t: manager.refreshToken,
    });
    await eventually(async () => {
      expect(viaGateway.ended()).toBe(true);
      expect(direct.ended()).toBe(true);
    }, 6_000);
    for (const { events } of [viaGateway, direct]) {
      expect(JSON.stringify(events)).toContain('UNAUTHENTICATED');
      expect(JSON.stringify(events)).toMatch(/session has ended/);
    }
  });
});

describe('token lifetime', () => {
  /**
   * The users subgraph's signing key, as a thief who copied the database and its KEK (here the
   * development one the stack seals with) would hold it.
   */
  async function leakedKey() {
    const mysql = connectMysql({ url: stack.databases.users!.url }, {});
    try {
      const [rows] = await mysql.pool.query('SELECT kid, private_jwk FROM signing_keys LIMIT 1');
      const [row] = rows as Array<{ kid: string; private_jwk: string }>;
      const ring = keyringFromEnv({ NODE_ENV: 'development' });
      const jwk = await openValue(ring, SEALED.signingKeyPrivateJwk, row!.kid, row!.private_jwk);
      return { kid: row!.kid, key: await importJWK(JSON.parse(jwk) as JWK, 'EdDSA') };
    } finally {
      await mysql.close();
    }
  }

  async function forge(userId: string, sessionId: string, issuedAt: number, expiresAt: number) {
    const { kid, key } = await leakedKey();
    return new SignJWT({ roles: ['ADMIN'], sid: sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
  }

  const sessionOf = (token: string) =>
    (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sid?: string })
      .sid ?? '00000000-0000-7000-8000-000000000000';

  it('refuses a token minted with a leaked key that claims a 100-year lifetime', async () => {
    const user = await stack.signUp('INVESTOR');
    const now = Math.floor(Date.now() / 1000);
    const token = await forge(user.userId, sessionOf(user.token), now, now + 100 * 365 * 86_400);
    const response = await graphql(stack.gatewayUrl, ME, {}, { token });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token older than the access-token lifetime, whatever its exp says', async () => {
    const user = await stack.signUp('INVESTOR');
    const now = Math.floor(Date.now() / 1000);
    const token = await forge(user.userId, sessionOf(user.token), now - 3_600, now + 600);
    for (const url of [stack.gatewayUrl, `${stack.urls.pools}/graphql`]) {
      const response = await graphql(url, '{ __typename }', {}, { token });
      expect(response.status).toBe(401);
    }
  });
});
