import { describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { uuidv7 } from '@poolgraph/platform';
import {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  cachedKeySet,
  createTokenVerifier,
  delegationCovers,
  delegationOfClaim,
  requireHeldScopes,
  scopesHeldBy,
  type Viewer,
} from '../src/index.ts';

const manager = uuidv7();
const pool = uuidv7();
const other = uuidv7();

/** A verifier and a signer of tokens with these claims (EdDSA, as users signs them). */
async function tokens() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k' };
  const verifier = createTokenVerifier(cachedKeySet(async () => ({ keys: [jwk] })));
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ sid: 'key-1', ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject('key-1')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(privateKey);
  return { verifier, sign };
}

describe('delegated keys in tokens', () => {
  it("reads a partner token's dlg claim into the viewer, and ignores it on anyone else's", async () => {
    const { verifier, sign } = await tokens();
    const dlg = { manager, pools: [pool] };
    const partner = await verifier.verify(await sign({ roles: ['PARTNER'], dlg }));
    expect(partner.delegation).toEqual({ managerId: manager, poolIds: [pool] });
    const person = await verifier.verify(await sign({ roles: ['MANAGER'], dlg }));
    expect(person.delegation).toBeUndefined();
  });

  it('refuses a partner token whose dlg claim is malformed rather than widen it', async () => {
    const { verifier, sign } = await tokens();
    for (const dlg of [
      'all',
      { manager: 'not-a-uuid', pools: null },
      { manager, pools: ['x'] },
      { manager, pools: 'all' },
      { manager, pools: Array.from({ length: 101 }, () => pool) },
    ]) {
      await expect(verifier.verify(await sign({ roles: ['PARTNER'], dlg }))).rejects.toThrow(
        'The access token is not valid.',
      );
    }
    expect(delegationOfClaim(undefined)).toBeUndefined();
  });
});

describe('delegationCovers', () => {
  const key = (poolIds: string[] | null): Viewer => ({
    userId: 'key-1',
    roles: ['PARTNER'],
    sessionId: 'key-1',
    scopes: ['pools:read'],
    delegation: { managerId: manager, poolIds },
  });

  it("covers the manager's pools, or the listed ones, and never another manager's", () => {
    expect(delegationCovers(key(null), { id: pool, managerId: manager })).toBe(true);
    expect(delegationCovers(key(null), { id: other, managerId: manager })).toBe(true);
    expect(delegationCovers(key([pool]), { id: other, managerId: manager })).toBe(false);
    expect(delegationCovers(key([pool]), { id: pool, managerId: uuidv7() })).toBe(false);
    expect(delegationCovers(key(null), { id: pool, managerId: undefined })).toBe(false);
    const platform = { ...key(null), delegation: undefined };
    expect(delegationCovers(platform, { id: pool, managerId: manager })).toBe(false);
  });
});

describe('scopes an issuer holds', () => {
  const viewer = (roles: Viewer['roles']): Viewer => ({
    userId: 'u',
    roles,
    sessionId: 's',
    scopes: [],
  });

  it('gives admins and managers every scope, and investors and keys none', () => {
    expect(scopesHeldBy(viewer(['ADMIN']))).toEqual([
      'pools:read',
      'ledger:read',
      'ledger:write',
      'reports:read',
    ]);
    expect(scopesHeldBy(viewer(['MANAGER']))).toEqual([
      'pools:read',
      'ledger:read',
      'ledger:write',
      'reports:read',
    ]);
    expect(scopesHeldBy(viewer(['INVESTOR']))).toEqual([]);
    expect(scopesHeldBy(viewer(['PARTNER']))).toEqual([]);
    expect(() => requireHeldScopes(viewer(['MANAGER']), ['ledger:write'])).not.toThrow();
    expect(() => requireHeldScopes(viewer(['INVESTOR']), ['ledger:write'])).toThrow(
      'You cannot give a key the scope ledger:write',
    );
  });
});
