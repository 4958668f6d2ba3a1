import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { decryptingStream, encryptingStream, parseBackupKey } from '../lib/backup/encryption.ts';

const key = parseBackupKey(randomBytes(32).toString('base64'));
const CHUNK = 16;
const TAG = 16;
const HEADER = 64;

async function run(stages: NodeJS.ReadWriteStream[], input: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline([
    // Fed in odd pieces so chunk boundaries never line up with writes.
    Readable.from(
      Array.from({ length: Math.ceil(input.length / 7) }, (_, i) =>
        input.subarray(i * 7, i * 7 + 7),
      ),
    ),
    ...stages,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        parts.push(chunk);
        done();
      },
    }),
  ]);
  return Buffer.concat(parts);
}

const encrypt = (plain: Buffer, context = 'b1|f') =>
  run([encryptingStream(key, context, CHUNK)], plain);
const decrypt = (sealed: Buffer, context = 'b1|f', k = key) =>
  run([decryptingStream(k, context, 'f.enc')], sealed);

describe('backup file encryption', () => {
  it('round-trips files of every size around the chunk size, each encryption different', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5]) {
      const plain = randomBytes(size);
      const sealed = await encrypt(plain);
      expect(sealed.length).toBe(HEADER + Math.max(1, Math.ceil(size / CHUNK)) * TAG + size);
      expect(await decrypt(sealed)).toEqual(plain);
      expect(await encrypt(plain)).not.toEqual(sealed);
    }
  });

  it('refuses a wrong key by name, and another file name or backup', async () => {
    const sealed = await encrypt(Buffer.from('the books'));
    const other = parseBackupKey(randomBytes(32).toString('base64'));
    await expect(decrypt(sealed, 'b1|f', other)).rejects.toThrow(/encrypted with another key/);
    await expect(decrypt(sealed, 'b2|f')).rejects.toThrow(/damaged or was tampered with/);
    await expect(
      decrypt(
        Buffer.from('plain text, not a backup file at all, but long enough to be one'.repeat(2)),
      ),
    ).rejects.toThrow(/not an encrypted backup file/);
  });

  it('refuses a flipped bit, a dropped, swapped or appended chunk, and a cut', async () => {
    const plain = randomBytes(3 * CHUNK + 5);
    const sealed = await encrypt(plain);
    const body = sealed.subarray(HEADER);
    const chunk = (i: number) => body.subarray(i * (CHUNK + TAG), (i + 1) * (CHUNK + TAG));
    const header = sealed.subarray(0, HEADER);
    const flipped = Buffer.from(sealed);
    flipped[HEADER + 3]! ^= 1;
    // A bit of the salt flipped (setting a random byte to a value could leave it as it was).
    const otherHeader = Buffer.from(header);
    otherHeader[40]! ^= 1;
    const cases = {
      flipped,
      headerChanged: Buffer.concat([otherHeader, body]),
      dropped: Buffer.concat([header, chunk(0), chunk(2), body.subarray(3 * (CHUNK + TAG))]),
      swapped: Buffer.concat([header, chunk(1), chunk(0), body.subarray(2 * (CHUNK + TAG))]),
      cutAtBoundary: Buffer.concat([header, chunk(0), chunk(1)]),
      cutInside: sealed.subarray(0, sealed.length - 3),
      appended: Buffer.concat([sealed, chunk(0)]),
      headerOnly: header,
    };
    for (const [name, bytes] of Object.entries(cases)) {
      await expect(decrypt(bytes), name).rejects.toThrow(/tampered|cut short|another key|header/);
    }
  });
});
