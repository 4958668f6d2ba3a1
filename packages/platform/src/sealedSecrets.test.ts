import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
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
  type KeyEncryptionKey,
} from './sealedSecrets.ts';

const kek = (id: string) => localKek(id, randomBytes(32));

/**
 * A KMS as the interface sees one: a key it never hands out, asked to encrypt and decrypt data
 * keys over the network (here in memory, AES-256-CTR so it is not the local KEK's scheme), and
 * a log of what it was sent.
 */
function stubKms(id: string) {
  const key = randomBytes(32);
  const sent: Buffer[] = [];
  const kms: KeyEncryptionKey = {
    id,
    async wrap(dataKey) {
      sent.push(Buffer.from(dataKey));
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-ctr', key, iv);
      return Buffer.concat([iv, cipher.update(dataKey), cipher.final()]);
    },
    async unwrap(wrapped) {
      sent.push(Buffer.from(wrapped));
      const decipher = createDecipheriv('aes-256-ctr', key, wrapped.subarray(0, 16));
      return Buffer.concat([decipher.update(wrapped.subarray(16)), decipher.final()]);
    },
  };
  return { kms, sent };
}

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

  it('takes any KeyEncryptionKey, as a KMS would be: seals, opens, and rotates to and from one', async () => {
    const { kms, sent } = stubKms('kms-2026-12');
    const local = kek('env-2026-11');
    const before = await seal(keyring(local), 'JBSWY3DPEHPK3PXP', 'user_totp:7');
    // Moving from the environment's KEK to the KMS is an ordinary rotation.
    const moving = keyring(kms, [local]);
    const rewrapped = (await rewrap(moving, before))!;
    expect(rewrapped).toMatch(/^sealed:v1:kms-2026-12:/);
    const fresh = await seal(moving, 'whsec_2', 'channels:4');
    const after = keyring(kms);
    expect(await open(after, rewrapped, 'user_totp:7')).toBe('JBSWY3DPEHPK3PXP');
    expect(await open(after, fresh, 'channels:4')).toBe('whsec_2');
    // The KMS only ever saw 32-byte data keys and its own wrapped bytes, never a secret.
    expect(sent.length).toBeGreaterThan(0);
    for (const bytes of sent) {
      expect(bytes.toString('utf8')).not.toMatch(/JBSWY3DPEHPK3PXP|whsec_2/);
      expect(bytes.length === 32 || bytes.length === 48).toBe(true);
    }
  });

  it('refuses a KEK of any kind whose id cannot be written into a sealed value', () => {
    const { kms } = stubKms('ok');
    expect(() => keyring({ ...kms, id: 'arn:aws:kms:key/1' })).toThrow(/must match/);
    expect(() => keyring(kek('a'), [{ ...kms, id: '' }])).toThrow(/must match/);
  });
});
