import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Envelope encryption for secrets kept in the databases (signing keys' private parts, webhook
 * secrets, TOTP secrets, bank details). Every value gets its own random 256-bit data key;
 * the value is encrypted with AES-256-GCM under that data key with the record's identity as
 * associated data (so a sealed value copied onto another row does not open), and the data key
 * is stored beside it wrapped by a key-encryption key (KEK) that never touches a database.
 *
 * Rotating the KEK re-wraps the small data keys (`rewrap`) and leaves every ciphertext as it
 * is; while it runs, the old KEK stays in the keyring so both kinds of row open.
 *
 * Stored form, one string column: `sealed:v1:<kekId>:<wrapped data key>:<iv>:<ciphertext+tag>`
 * (base64url parts).
 */

/**
 * Wraps and unwraps data keys: the only thing sealing asks of a key-encryption key, and all a
 * KMS has to do. `localKek` (the key in the environment) is the one implementation here; a cloud
 * KMS is another whose `wrap`/`unwrap` call the KMS's encrypt/decrypt on the 32-byte data key,
 * so the KEK never enters the process (docs/OPERATIONS.md, "A KMS"). Nothing else in the
 * platform reads a KEK's bytes.
 */
export interface KeyEncryptionKey {
  /**
   * Names the key in every value it wrapped, so the right one unwraps it after rotation
   * (letters, digits, `-`, `_`; at most 40: it is written into the stored value).
   */
  readonly id: string;
  /** The 32-byte data key in, opaque bytes out (stored base64url beside the value). */
  wrap(dataKey: Buffer): Promise<Buffer>;
  /** What `wrap` returned in, the data key out; throws when the bytes are not its own. */
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

/** The KEK new values are wrapped with, and every KEK that may still have wrapped old ones. */
export interface Keyring {
  readonly current: KeyEncryptionKey;
  byId(id: string): KeyEncryptionKey | undefined;
}

const PREFIX = 'sealed:v1:';
const KEK_ID = /^[A-Za-z0-9_-]{1,40}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedSecretError extends Error {
  override name = 'SealedSecretError';
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function gcmDecrypt(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealedSecretError('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new SealedSecretError('sealed value does not open: wrong key, record or tampered bytes');
  }
}

function checkKekId(id: string): void {
  if (!KEK_ID.test(id)) throw new SealedSecretError(`KEK id "${id}" must match ${KEK_ID}`);
}

/** A KEK held in the process (from the environment): AES-256-GCM key wrapping. */
export function localKek(id: string, key: Buffer): KeyEncryptionKey {
  checkKekId(id);
  if (key.length !== 32) throw new SealedSecretError(`KEK "${id}" must be 32 bytes`);
  const aad = Buffer.from(`poolgraph-dek:${id}`);
  return {
    id,
    wrap: async (dataKey) => gcmEncrypt(key, dataKey, aad),
    unwrap: async (wrapped) => gcmDecrypt(key, wrapped, aad),
  };
}

/**
 * The current KEK and those being rotated away from, of any implementation (local, a KMS, or
 * both during a move from one to the other); every id is checked, since it goes into the
 * stored values.
 */
export function keyring(current: KeyEncryptionKey, previous: KeyEncryptionKey[] = []): Keyring {
  for (const kek of [current, ...previous]) checkKekId(kek.id);
  const all = new Map([...previous, current].map((kek) => [kek.id, kek]));
  return { current, byId: (id) => all.get(id) };
}

/**
 * One KEK from its configuration, `<id>:<base64 of 32 bytes>` (the form SECRETS_KEK and
 * SECRETS_KEK_PREVIOUS take). This is the one place configuration becomes a KEK: users, alerts,
 * the alerts worker and `keys:rotate-kek` all build their keyring through `keyringFromEnv`, so a
 * KMS adapter is chosen here (e.g. for a spec whose material names a KMS key) and nowhere else.
 */
export function kekFromSpec(spec: string): KeyEncryptionKey {
  const colon = spec.indexOf(':');
  if (colon < 0) throw new SealedSecretError('a KEK is written "<id>:<base64 of 32 bytes>"');
  return localKek(spec.slice(0, colon), Buffer.from(spec.slice(colon + 1), 'base64'));
}

/**
 * Outside production a fixed, public development KEK keeps `npm start` and the tests working
 * without setup; values sealed with it are as good as plaintext, which is why production
 * refuses to start without SECRETS_KEK.
 */
const DEVELOPMENT_KEK = `dev:${Buffer.alloc(32, 7).toString('base64')}`;

/** The zod fields a service that seals secrets adds to its environment. */
export const sealedSecretsEnv = {
  /** The current KEK, `<id>:<base64 of 32 bytes>` (`openssl rand -base64 32`). */
  SECRETS_KEK: z.string().optional(),
  /** KEKs being rotated away from, comma-separated, same form; drop once rotation finished. */
  SECRETS_KEK_PREVIOUS: z.string().optional(),
};

export function keyringFromEnv(env: {
  NODE_ENV: string;
  SECRETS_KEK?: string;
  SECRETS_KEK_PREVIOUS?: string;
}): Keyring {
  if (!env.SECRETS_KEK && env.NODE_ENV === 'production') {
    throw new SealedSecretError('SECRETS_KEK is required in production');
  }
  const previous = (env.SECRETS_KEK_PREVIOUS ?? '')
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean)
    .map(kekFromSpec);
  return keyring(kekFromSpec(env.SECRETS_KEK ?? DEVELOPMENT_KEK), previous);
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

function parts(sealed: string): { kekId: string; wrapped: Buffer; body: Buffer } {
  const fields = isSealed(sealed) ? sealed.slice(PREFIX.length).split(':') : [];
  const [kekId, wrapped, iv, body] = fields;
  if (fields.length !== 4 || !kekId || !wrapped || !iv || !body) {
    throw new SealedSecretError('not a sealed value');
  }
  return {
    kekId,
    wrapped: Buffer.from(wrapped, 'base64url'),
    body: Buffer.concat([Buffer.from(iv, 'base64url'), Buffer.from(body, 'base64url')]),
  };
}

function kekFor(ring: Keyring, kekId: string): KeyEncryptionKey {
  const kek = ring.byId(kekId);
  if (!kek)
    throw new SealedSecretError(`no KEK "${kekId}" in the keyring (lost or not configured)`);
  return kek;
}

/** Seals `plaintext` for the record named by `aad` (e.g. `signing_keys:<kid>`). */
export async function seal(ring: Keyring, plaintext: string, aad: string): Promise<string> {
  const dataKey = randomBytes(32);
  const wrapped = await ring.current.wrap(dataKey);
  const body = gcmEncrypt(dataKey, Buffer.from(plaintext, 'utf8'), Buffer.from(aad, 'utf8'));
  const iv = body.subarray(0, IV_BYTES);
  return `${PREFIX}${ring.current.id}:${b64(wrapped)}:${b64(iv)}:${b64(body.subarray(IV_BYTES))}`;
}

/** Opens a value `seal` wrote for the same record; throws SealedSecretError otherwise. */
export async function open(ring: Keyring, sealed: string, aad: string): Promise<string> {
  const { kekId, wrapped, body } = parts(sealed);
  const dataKey = await kekFor(ring, kekId).unwrap(wrapped);
  return gcmDecrypt(dataKey, body, Buffer.from(aad, 'utf8')).toString('utf8');
}

/**
 * The same value with its data key wrapped by the current KEK (the ciphertext is unchanged);
 * `undefined` when it already is, so a rotation writes only the rows it must.
 */
export async function rewrap(ring: Keyring, sealed: string): Promise<string | undefined> {
  const { kekId, wrapped } = parts(sealed);
  if (kekId === ring.current.id) return undefined;
  const dataKey = await kekFor(ring, kekId).unwrap(wrapped);
  const rewrapped = await ring.current.wrap(dataKey);
  const rest = sealed.slice(PREFIX.length).split(':').slice(2).join(':');
  return `${PREFIX}${ring.current.id}:${b64(rewrapped)}:${rest}`;
}
