import { describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { GraphQLError } from 'graphql';
import { uuidv7 } from '@poolgraph/platform';
import {
  STEP_UP_MAX_AGE_MS,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenVerifier,
  localKeySet,
  requireRecentSecondFactor,
  type Viewer,
} from '../src/index.ts';

const viewer = (extra: Partial<Viewer> = {}): Viewer => ({
  userId: 'u',
  roles: ['MANAGER'],
  sessionId: uuidv7(),
  scopes: [],
  ...extra,
});

function refusal(run: () => void): GraphQLError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('requireRecentSecondFactor', () => {
  const now = 1_800_000_000_000;

  it('lets an account that needs no second factor through', () => {
    expect(refusal(() => requireRecentSecondFactor(viewer(), { now }))).toBeUndefined();
  });

  it('asks for a step-up when the proof is missing or older than 5 minutes', () => {
    for (const secondFactorAt of [undefined, now - STEP_UP_MAX_AGE_MS - 1]) {
      const error = refusal(() =>
        requireRecentSecondFactor(viewer({ secondFactorRequired: true, secondFactorAt }), { now }),
      );
      expect(error?.extensions).toEqual({ code: 'FORBIDDEN', use: 'stepUp' });
      expect(error?.message).toMatch(/second factor/);
    }
  });

  it('accepts a proof within 5 minutes, and a requirement the caller knows of', () => {
    const fresh = viewer({ secondFactorRequired: true, secondFactorAt: now - STEP_UP_MAX_AGE_MS });
    expect(refusal(() => requireRecentSecondFactor(fresh, { now }))).toBeUndefined();
    const error = refusal(() => requireRecentSecondFactor(viewer(), { now, required: true }));
    expect(error?.extensions['use']).toBe('stepUp');
  });
});

describe('the mfa_req and mfa_at claims', () => {
  it('become the viewer’s secondFactorRequired and secondFactorAt', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const verifier = createTokenVerifier(
      localKeySet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] }),
    );
    const issuedAt = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ roles: ['INVESTOR'], sid: uuidv7(), ...claims })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject('user-1')
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + 60)
        .sign(privateKey);
    const proven = await verifier.verify(await sign({ mfa_req: true, mfa_at: issuedAt }));
    expect(proven.secondFactorRequired).toBe(true);
    expect(proven.secondFactorAt).toBe(issuedAt * 1000);
    const plain = await verifier.verify(await sign({ mfa_req: 'yes', mfa_at: 'soon' }));
    expect(plain.secondFactorRequired).toBeUndefined();
    expect(plain.secondFactorAt).toBeUndefined();
  });
});
