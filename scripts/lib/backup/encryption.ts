import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Backup files encrypted with AES-256-GCM (node:crypto) in authenticated chunks, so a file of
 * any size is encrypted and decrypted as a stream and no byte is handed on before it is
 * verified. One file:
 *
 *   header (64 bytes): "PGBAKENC" | version 0x01 | 3 zero bytes | chunk size (uint32 BE)
 *                      | key id (16 bytes) | salt (32 random bytes)
 *   then chunks:       ciphertext of up to `chunk size` bytes | GCM tag (16 bytes)
 *
 * The file's key is HKDF-SHA256(BACKUP_KEY, salt, "poolgraph-backup v1|<backup id>|<file name>"):
 * a file renamed, or moved from another backup, does not open. Chunk i's nonce is i (8 bytes
 * BE) followed by 1 for the last chunk and 0 for the others, and every chunk authenticates the
 * header too: reordered, dropped, truncated or appended chunks all fail. There is always exactly
 * one last chunk (maybe empty). The key id, an HMAC of a constant under the key, tells a wrong
 * key from damaged bytes without revealing anything about the key.
 */

const MAGIC = Buffer.from('PGBAKENC', 'ascii');
const VERSION = 1;
const HEADER_BYTES = 64;
const TAG_BYTES = 16;
const DEFAULT_CHUNK = 64 * 1024;
const MAX_CHUNK = 16 * 1024 * 1024;

export class BackupKeyError extends Error {
  override name = 'BackupKeyError';
}

export interface BackupKey {
  secret: Buffer;
  /** 16 bytes derived from the key: what a file and the manifest record to name it. */
  id: Buffer;
}

/** BACKUP_KEY: the base64 of 32 random bytes (`openssl rand -base64 32`). */
export function parseBackupKey(value: string): BackupKey {
  const secret = Buffer.from(value.trim(), 'base64');
  if (secret.length !== 32) {
    throw new BackupKeyError('BACKUP_KEY must be the base64 of 32 bytes (openssl rand -base64 32)');
  }
  const id = createHmac('sha256', secret)
    .update('poolgraph-backup key id')
    .digest()
    .subarray(0, 16);
  return { secret, id };
}

function fileKey(key: BackupKey, salt: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key.secret, salt, `poolgraph-backup v1|${context}`, 32));
}

function nonce(index: bigint, last: boolean): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(index, 0);
  iv.writeUInt32BE(last ? 1 : 0, 8);
  return iv;
}

/** Encrypts what is written to it; `context` is `<backup id>|<file name>`. */
export function encryptingStream(
  key: BackupKey,
  context: string,
  chunkBytes = DEFAULT_CHUNK,
): Transform {
  const salt = randomBytes(32);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 8);
  header.writeUInt32BE(chunkBytes, 12);
  key.id.copy(header, 16);
  salt.copy(header, 32);
  const secret = fileKey(key, salt, context);
  let index = 0n;
  let pending: Buffer = Buffer.alloc(0);
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', secret, nonce(index++, last));
    cipher.setAAD(header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // A full chunk is sealed only once more follows: the last one must carry the last flag.
      while (pending.length > chunkBytes) {
        this.push(seal(pending.subarray(0, chunkBytes), false));
        pending = pending.subarray(chunkBytes);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(pending, true));
      done();
    },
  });
}

/** Why a file does not decrypt, as a restore should say it. */
export class BackupDecryptError extends Error {
  override name = 'BackupDecryptError';
}

/** Decrypts a file `encryptingStream` wrote, emitting only bytes that authenticated. */
export function decryptingStream(key: BackupKey, context: string, label: string): Transform {
  let header: Buffer | undefined;
  let secret: Buffer | undefined;
  let chunkBytes = 0;
  let index = 0n;
  let pending: Buffer = Buffer.alloc(0);
  const open = (sealed: Buffer, last: boolean) => {
    const decipher = createDecipheriv('aes-256-gcm', secret!, nonce(index, last));
    decipher.setAAD(header!);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([
        decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
      index += 1n;
      return plain;
    } catch {
      throw new BackupDecryptError(
        `${label} is damaged or was tampered with: its chunk ${index} does not authenticate` +
          (last ? ' (or the file was cut short)' : ''),
      );
    }
  };
  const readHeader = () => {
    const candidate = pending.subarray(0, HEADER_BYTES);
    if (!candidate.subarray(0, 8).equals(MAGIC) || candidate.readUInt8(8) !== VERSION) {
      throw new BackupDecryptError(`${label} is not an encrypted backup file (format v1)`);
    }
    chunkBytes = candidate.readUInt32BE(12);
    if (chunkBytes < 1 || chunkBytes > MAX_CHUNK) {
      throw new BackupDecryptError(`${label} has a damaged header`);
    }
    if (!timingSafeEqual(candidate.subarray(16, 32), key.id)) {
      throw new BackupDecryptError(
        `${label} was encrypted with another key: BACKUP_KEY is not the key this backup was made with`,
      );
    }
    header = Buffer.from(candidate);
    secret = fileKey(key, header.subarray(32, 64), context);
    pending = pending.subarray(HEADER_BYTES);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        if (!header && pending.length >= HEADER_BYTES) readHeader();
        while (header && pending.length > chunkBytes + TAG_BYTES) {
          this.push(open(pending.subarray(0, chunkBytes + TAG_BYTES), false));
          pending = pending.subarray(chunkBytes + TAG_BYTES);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!header) throw new BackupDecryptError(`${label} is not an encrypted backup file`);
        if (pending.length < TAG_BYTES) {
          throw new BackupDecryptError(`${label} was cut short: its last chunk is missing`);
        }
        this.push(open(pending, true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/**
 * An HMAC of the manifest under the key (over its JSON without this field), so a restore that
 * trusts the manifest's database names and backup id trusts what the key holder wrote.
 */
export function manifestMac(key: BackupKey, manifest: object): string {
  const macKey = Buffer.from(
    hkdfSync('sha256', key.secret, Buffer.alloc(0), 'poolgraph-backup v1|manifest', 32),
  );
  return createHmac('sha256', macKey).update(JSON.stringify(manifest)).digest('hex');
}

export function manifestMacMatches(key: BackupKey, manifest: object, mac: string): boolean {
  const expected = Buffer.from(manifestMac(key, manifest), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The key `npm run backup` and `npm run restore` use: BACKUP_KEY, or none. Without it a backup
 * is written unencrypted outside production (development, the demo) and refused in production;
 * a restore of an encrypted backup needs it.
 */
export function backupKeyFromEnv(env: NodeJS.ProcessEnv): BackupKey | undefined {
  if (env.BACKUP_KEY) return parseBackupKey(env.BACKUP_KEY);
  return undefined;
}
