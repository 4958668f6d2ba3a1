import { createHmac, randomBytes } from 'node:crypto';
import { openValue, sealValue, type Keyring, type RedisClient } from '@poolgraph/platform';
import type { UsersTx } from '../db/index.ts';
import { useRecoveryCode } from '../data/recoveryCodes.ts';
import { SEALED } from '../data/sealedColumns.ts';
import { lockUserTotp, updateTotpAccepted } from '../data/userTotp.ts';
import { base32Encode, matchTotp } from './totp.ts';
import { createLoginThrottle, type LoginThrottleOptions } from './throttle.ts';

/** How many recovery codes a user gets: each works once, in place of a TOTP code. */
export const RECOVERY_CODE_COUNT = 10;

/** 80 random bits as 16 base32 characters, shown in groups of four: ABCD-EFGH-IJKL-MNOP. */
function newRecoveryCode(): string {
  return base32Encode(randomBytes(10)).match(/.{4}/g)!.join('-');
}

/** What is compared: upper case, without the dashes and spaces people type or leave out. */
const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * Kept as HMAC-SHA-256 keyed by the user id: 80 random bits need no slow hash, and the key means
 * one user's stolen table rows cannot be tried against another's.
 */
export const hashRecoveryCode = (userId: string, code: string): string =>
  createHmac('sha256', userId).update(normalizeRecoveryCode(code)).digest('hex');

/** A fresh set of codes and the hashes to store. */
export function newRecoveryCodes(userId: string): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, hashes: codes.map((code) => hashRecoveryCode(userId, code)) };
}

export const sealTotpSecret = (ring: Keyring, userId: string, secret: string) =>
  sealValue(ring, SEALED.totpSecret, userId, secret);
export const openTotpSecret = (ring: Keyring, userId: string, sealed: string) =>
  openValue(ring, SEALED.totpSecret, userId, sealed);

/** Which kind of code was accepted. */
export type AcceptedCode = 'totp' | 'recovery';

/**
 * Checks a code against the user's authenticator, in the caller's transaction under a lock on
 * it: a TOTP code of a step after the last one accepted (then that step is remembered, so it is
 * never accepted again), or an unused recovery code (then spent). `pending` checks a TOTP that
 * is being enrolled (and accepts no recovery code). Writes nothing for a wrong code.
 */
export async function acceptCode(
  tx: UsersTx,
  ring: Keyring,
  userId: string,
  code: string,
  now: number,
  options: { pending?: boolean } = {},
): Promise<AcceptedCode | undefined> {
  const totp = await lockUserTotp(tx, userId);
  if (!totp || !!totp.enabledAt === !!options.pending) return undefined;
  const typed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(typed)) {
    const secret = await openTotpSecret(ring, userId, totp.secret);
    const step = matchTotp(secret, typed, now, totp.lastStep);
    if (step === undefined) return undefined;
    await updateTotpAccepted(tx, userId, step, options.pending ? new Date(now) : undefined);
    return 'totp';
  }
  if (options.pending || !/^[A-Z2-7]{16}$/.test(normalizeRecoveryCode(typed))) return undefined;
  const spent = await useRecoveryCode(tx, userId, hashRecoveryCode(userId, typed), new Date(now));
  return spent ? 'recovery' : undefined;
}

/**
 * Code attempts are throttled with the login throttle's mechanism, on their own counters keyed
 * by the account id (an email can change) and the client address: 5 per pair per 15 minutes,
 * then RATE_LIMITED for the pair; past 10 on an account from anywhere, one every 30 s. A million
 * codes, three valid at a time: an attacker who has the password gets about 3 in 10,000 per
 * 15 minutes, and the owner can still sign in.
 */
export const SECOND_FACTOR_THROTTLE = (prefix: string): LoginThrottleOptions => ({
  prefix,
  perAccountAndAddress: 5,
  perAccount: 10,
  perAddress: 100,
  windowSeconds: 15 * 60,
  accountPaceMs: 30_000,
  addressPaceMs: 100,
  maxWaitMs: 5_000,
});

export const createCodeThrottle = (redis: RedisClient, prefix: string) =>
  createLoginThrottle(redis, SECOND_FACTOR_THROTTLE(`${prefix}users:second-factor:`));

export type CodeThrottle = ReturnType<typeof createCodeThrottle>;
