import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenVerifier,
  localKeySet,
  type TokenVerifier,
} from '@poolgraph/auth';
import { createLogger, uuidv7 } from '@poolgraph/platform';
import { createApiKeyAuthenticator } from '../src/partners/apiKeys.ts';

const GOOD = `pgk_${'a'.repeat(43)}`;
const revokedSessions = new Set<string>();
const keyId = uuidv7();
let exchanges = 0;
let ttlSeconds = 60;
let server: Server;
let url: string;
let verifier: TokenVerifier;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'EdDSA', use: 'sig' };
  verifier = createTokenVerifier(localKeySet({ keys: [jwk] }), {
    revocations: {
      isRevoked: async (_user, sid) => revokedSessions.has(sid),
      revokeSession: async () => {},
      revokeUser: async () => {},
    },
  });
  // What the users subgraph's POST /api-keys/token answers, counting the calls.
  server = createServer((req, res) => {
    exchanges += 1;
    req.resume();
    if (req.headers['x-api-key'] !== GOOD) {
      res.statusCode = 401;
      return res.end('{"error":"no"}');
    }
    const now = Math.floor(Date.now() / 1000);
    void new SignJWT({ roles: ['PARTNER'], sid: keyId, scope: 'pools:read bogus' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
      .setSubject(keyId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(privateKey)
      .then((accessToken) => {
        setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ accessToken, expiresAt: (now + ttlSeconds) * 1000 }));
        }, 50);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api-keys/token`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const authenticator = () =>
  createApiKeyAuthenticator({ exchangeUrl: url, verifier, log: createLogger('t', 'silent') });

describe('the gateway’s API key cache', () => {
  it('exchanges a key once for 50 concurrent first requests and then answers from memory', async () => {
    exchanges = 0;
    const keys = authenticator();
    const identities = await Promise.all(
      Array.from({ length: 50 }, (_, i) => keys.authenticate(GOOD, `r${i}`)),
    );
    expect(exchanges).toBe(1);
    expect(identities[0]!.viewer).toMatchObject({
      userId: keyId,
      roles: ['PARTNER'],
      scopes: ['pools:read'],
    });
    await keys.authenticate(GOOD, 'again');
    expect(exchanges).toBe(1);
  });

  it('exchanges again when less than 15 s of the token are left', async () => {
    exchanges = 0;
    ttlSeconds = 10;
    const keys = authenticator();
    await keys.authenticate(GOOD, 'a');
    await keys.authenticate(GOOD, 'b');
    expect(exchanges).toBe(2);
    ttlSeconds = 60;
  });

  it('refuses a bad key with 401 and remembers the refusal for a moment', async () => {
    exchanges = 0;
    const keys = authenticator();
    const bad = `pgk_${'b'.repeat(43)}`;
    for (let i = 0; i < 5; i++) {
      await expect(keys.authenticate(bad, 'x')).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    expect(exchanges).toBe(1);
    for (const malformed of ['x'.repeat(200), 'pgk_short', `${GOOD} `, '']) {
      await expect(keys.authenticate(malformed, 'x')).rejects.toThrow(/not valid/);
    }
    expect(exchanges).toBe(1);
  });

  it('refuses a cached token once its key’s session is revoked', async () => {
    const keys = authenticator();
    await keys.authenticate(GOOD, 'before');
    revokedSessions.add(keyId);
    try {
      await expect(keys.authenticate(GOOD, 'after')).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      revokedSessions.delete(keyId);
    }
  });
});
