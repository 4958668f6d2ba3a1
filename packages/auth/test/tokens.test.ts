import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { uuidv7 } from '@poolgraph/platform';
import {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  bearerTokenOf,
  cachedKeySet,
  createTokenVerifier,
  type KeySetOptions,
} from '../src/index.ts';

const now = () => Math.floor(Date.now() / 1000);

/**
 * A key set whose published keys a test can change, reloaded every `maxAgeMs`, and whose
 * issuer a test can make unreachable (`down`).
 */
async function keySet(maxAgeMs = 60_000, options: KeySetOptions = {}) {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  let published: JWK[] = [{ ...(await exportJWK(publicKey)), kid: 'k' }];
  let loads = 0;
  let reachable = true;
  const keys = cachedKeySet(
    async () => {
      loads++;
      if (!reachable) throw new Error('connect ECONNREFUSED');
      return { keys: published };
    },
    { maxAgeMs, ...options },
  );
  const sessionId = uuidv7();
  const sign = (expiresAt: number, issuedAt = now()) =>
    new SignJWT({ roles: ['INVESTOR'], sid: sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject('user-1')
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
  return {
    keys,
    sign,
    sessionId,
    retire: () => void (published = []),
    down: (down = true) => void (reachable = !down),
    loads: () => loads,
  };
}

const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createTokenVerifier', () => {
  it('checks a token’s signature once and remembers the result', async () => {
    const { keys, sign, sessionId } = await keySet();
    const verifier = createTokenVerifier(keys);
    const token = await sign(now() + 60);
    const viewer = { userId: 'user-1', roles: ['INVESTOR'], sessionId, scopes: [] };
    expect(await verifier.verify(token)).toEqual(viewer);
    expect(await verifier.verify(token)).toEqual(viewer);
  });

  it('asks the revocation list once for verifications of one token under way at once', async () => {
    const { keys, sign } = await keySet();
    let asked = 0;
    let revoked = false;
    const verifier = createTokenVerifier(keys, {
      revocations: {
        isRevoked: async () => (asked++, revoked),
        revokeSession: async () => {},
        revokeUser: async () => {},
      },
    });
    const token = await sign(now() + 60);
    const viewers = await Promise.all(Array.from({ length: 5 }, () => verifier.verify(token)));
    expect(new Set(viewers).size).toBe(1);
    expect(asked).toBe(1);
    // Once answered, the next verification asks again: a revocation is seen at once.
    revoked = true;
    await expect(verifier.verify(token)).rejects.toThrow('The session has ended');
    expect(asked).toBe(2);
  });

  it('rejects a remembered token once it has expired', async () => {
    const { keys, sign } = await keySet();
    const verifier = createTokenVerifier(keys);
    const token = await sign(now() + 1);
    await verifier.verify(token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
  });

  it('rejects a remembered token once its signing key has left the key set', async () => {
    const { keys, sign, retire } = await keySet(200);
    const verifier = createTokenVerifier(keys);
    const token = await sign(now() + 600);
    await verifier.verify(token);
    retire();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(verifier.verify(token)).rejects.toThrow(/not valid/);
  });

  it('rejects a token meant to live longer than the access-token lifetime (a leaked key, a 100-year exp)', async () => {
    const { keys, sign } = await keySet();
    const verifier = createTokenVerifier(keys);
    await expect(verifier.verify(await sign(now() + 100 * 365 * 86_400))).rejects.toThrow(
      /not valid|expired/,
    );
  });

  it('rejects a token issued longer ago than the access-token lifetime', async () => {
    const { keys, sign } = await keySet();
    const verifier = createTokenVerifier(keys);
    await expect(verifier.verify(await sign(now() + 60, now() - 1_000))).rejects.toThrow(
      /not valid|expired/,
    );
  });

  it('rejects a token issued in the future', async () => {
    const { keys, sign } = await keySet();
    const verifier = createTokenVerifier(keys);
    await expect(verifier.verify(await sign(now() + 3_900, now() + 3_600))).rejects.toThrow(
      /not valid|expired/,
    );
  });

  it('answers 503 SUBGRAPH_UNAVAILABLE, not UNAUTHENTICATED, when the issuer’s keys were never loaded', async () => {
    const { keys, sign, down } = await keySet(60_000, { cooldownMs: 50 });
    down();
    const verifier = createTokenVerifier(keys);
    const error = await verifier.verify(await sign(now() + 60)).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('SUBGRAPH_UNAVAILABLE');
    expect((error as GraphQLError).extensions.http).toEqual({ status: 503 });
    // Once the issuer answers (after the cooldown), the same token verifies.
    down(false);
    await sleep(60);
    await expect(verifier.verify(await sign(now() + 60))).resolves.toMatchObject({
      userId: 'user-1',
    });
  });

  it('keeps verifying with the last keys while reloads fail, for staleIfErrorMs, trying again once per cooldown', async () => {
    const { keys, sign, down, loads } = await keySet(100, {
      cooldownMs: 150,
      staleIfErrorMs: 600,
    });
    const verifier = createTokenVerifier(keys);
    await verifier.verify(await sign(now() + 60));
    down();
    await sleep(150); // stale: the next verification reloads, which fails
    const before = loads();
    for (let i = 0; i < 5; i++) await verifier.verify(await sign(now() + 60)); // fresh tokens
    expect(loads()).toBe(before + 1);
    await sleep(650); // past maxAgeMs + staleIfErrorMs
    const error = await verifier.verify(await sign(now() + 60)).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('SUBGRAPH_UNAVAILABLE');
    // Back once the issuer answers again (the next try, a cooldown after the last).
    down(false);
    await sleep(160);
    await verifier.verify(await sign(now() + 60));
  });

  it('never remembers a token that failed', async () => {
    const { keys, sign } = await keySet();
    const verifier = createTokenVerifier(keys);
    const tampered = `${await sign(now() + 60)}x`;
    await expect(verifier.verify(tampered)).rejects.toThrow(/not valid/);
    await expect(verifier.verify(tampered)).rejects.toThrow(/not valid/);
  });
});

describe('bearerTokenOf', () => {
  it('reads the one spelling of a bearer credential: any case of the scheme, spaces between', () => {
    expect(bearerTokenOf('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerTokenOf('bearer   a.b.c')).toBe('a.b.c');
    expect(bearerTokenOf(' Bearer a.b.c\t')).toBe('a.b.c');
  });

  it('refuses a header that is anything else rather than reading past it', () => {
    for (const header of [
      'Bearer\u00a0a.b.c',
      'Bearer a.b.c\u00a0',
      'Bearer a.b.c\u200b',
      'Bearer a.b.c a.b.c',
      'Bearer\ta.b.c',
      'Basic a.b.c',
      'Bearer ',
    ]) {
      expect(() => bearerTokenOf(header), JSON.stringify(header)).toThrow(
        'The Authorization header must be "Bearer <token>".',
      );
    }
  });
});
