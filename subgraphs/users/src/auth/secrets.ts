import { createHash, randomBytes } from 'node:crypto';

/**
 * The secrets this service hands out (refresh tokens, the tokens of emailed links): 32 random
 * bytes, base64url. Only their SHA-256 is stored, so a copy of the database opens nothing.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');
/** Anything else is refused unread: no lookup for a string that cannot be one of ours. */
export const isSecretShape = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
