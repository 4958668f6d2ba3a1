import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SealedSecretError,
  isSealed,
  keyring,
  keyringFromEnv,
  localKek,
  open,
  rewrap,
  seal,
} from './sealedSecrets.ts';

const kek = (id: string) => localKek(id, randomBytes(32));

describe('sealed secrets', () => {
  it('round-trips, and each seal of one value differs', async () => {
    const ring = keyring(kek('a'));
    const first = await seal(ring, 'JBSWY3DPEHPK3PXP', 'users:1');
    const second = await seal(ring, 'JBSWY3DPEHPK3PXP', 'users:1');
    expect(isSealed(first)).toBe(true);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(first).not.toBe(second);
    expect(await open(ring, first, 'users:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('does not open for another record, another KEK or a flipped byte', async () => {
    const ring = keyring(kek('a'));
    const sealed = await seal(ring, 'secret', 'users:1');
    await expect(open(ring, sealed, 'users:2')).rejects.toThrow(SealedSecretError);
    await expect(open(keyring(kek('a')), sealed, 'users:1')).rejects.toThrow(SealedSecretError);
    await expect(open(keyring(kek('b')), sealed, 'users:1')).rejects.toThrow(/no KEK "a"/);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${sealed.slice(0, -2)}${last}${sealed.slice(-1)}`;
    await expect(open(ring, tampered, 'users:1')).rejects.toThrow(SealedSecretError);
    await expect(open(ring, 'plain text', 'users:1')).rejects.toThrow(/not a sealed value/);
  });

  it('rotation re-wraps the data key only, and the old KEK can then go', async () => {
    const old = kek('old');
    const sealed = await seal(keyring(old), 'whsec_1', 'channels:9');
    const during = keyring(kek('new'), [old]);
    const rewrapped = await rewrap(during, sealed);
    expect(rewrapped).toBeDefined();
    expect(rewrapped!.split(':').slice(4)).toEqual(sealed.split(':').slice(4));
    expect(await rewrap(during, rewrapped!)).toBeUndefined();
    const after = keyring(during.current);
    expect(await open(after, rewrapped!, 'channels:9')).toBe('whsec_1');
    await expect(open(after, sealed, 'channels:9')).rejects.toThrow(/no KEK "old"/);
  });

  it('reads KEKs from the environment and needs one in production', async () => {
    const spec = `k2:${randomBytes(32).toString('base64')}`;
    const previous = `k1:${randomBytes(32).toString('base64')}`;
    const ring = keyringFromEnv({
      NODE_ENV: 'production',
      SECRETS_KEK: spec,
      SECRETS_KEK_PREVIOUS: previous,
    });
    expect(ring.current.id).toBe('k2');
    expect(ring.byId('k1')).toBeDefined();
    expect(() => keyringFromEnv({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(keyringFromEnv({ NODE_ENV: 'development' }).current.id).toBe('dev');
    expect(() => keyringFromEnv({ NODE_ENV: 'test', SECRETS_KEK: 'x:c2hvcnQ=' })).toThrow(
      /32 bytes/,
    );
    expect(() => keyringFromEnv({ NODE_ENV: 'test', SECRETS_KEK: 'nocolon' })).toThrow(/<id>:/);
  });
});
