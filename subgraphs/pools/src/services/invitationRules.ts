import { createHash, randomBytes } from 'node:crypto';
import { badUserInput, conflict } from '@poolgraph/platform';
import type { InvitationRow } from '../data/invitations.ts';

export type InvitationStatus =
  'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED' | 'EXPIRED' | 'USED_UP';

/** The stored state, with EXPIRED and USED_UP derived (they are facts of time and use, not writes). */
export function invitationStatus(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.status !== 'PENDING') return row.status;
  if (row.maxUses !== null && row.uses >= row.maxUses) return 'USED_UP';
  if (row.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'PENDING';
}

const when = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Refuses an invitation that can no longer be used, saying why: expired, revoked, declined or
 * used invitations are the holder's mistake to read (BAD_USER_INPUT on `field`), a link used up
 * by others meanwhile is CONFLICT (the same answer the losers of a race for the last seat get).
 */
export function requireUsable(row: InvitationRow, field: string, now = new Date()): void {
  const what = row.kind === 'LINK' ? 'This invite link' : 'This invitation';
  switch (invitationStatus(row, now)) {
    case 'PENDING':
      return;
    case 'EXPIRED':
      throw badUserInput(field, `${what} expired on ${when(row.expiresAt)}.`);
    case 'REVOKED':
      throw badUserInput(field, `${what} was revoked by the pool's manager.`);
    case 'DECLINED':
      throw badUserInput(field, `${what} was declined.`);
    case 'ACCEPTED':
      throw conflict(`${what} was already accepted.`);
    case 'USED_UP':
      throw conflict(`${what} has been used its ${row.maxUses} time(s) and is no longer valid.`);
  }
}

export const MIN_EXPIRY_DAYS = 1;
export const MAX_EXPIRY_DAYS = 90;
export const MAX_LINK_USES = 10_000;
/** Live invitations per pool: bounds how much mail one manager can make the platform send. */
export const MAX_LIVE_INVITATIONS = 1_000;

export function expiryFrom(now: Date, days: number | null | undefined, fallback: number): Date {
  const value = days ?? fallback;
  if (!Number.isInteger(value) || value < MIN_EXPIRY_DAYS || value > MAX_EXPIRY_DAYS) {
    throw badUserInput(
      'expiresInDays',
      `must be a whole number of days from ${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS}.`,
    );
  }
  return new Date(now.getTime() + value * 86_400_000);
}

export function validateMaxUses(value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LINK_USES) {
    throw badUserInput('maxUses', `must be a whole number from 1 to ${MAX_LINK_USES}, or null.`);
  }
  return value;
}

/** An invite link's secret: `pgi_` and 32 random bytes in base64url. Only its hash is stored. */
const TOKEN_FORMAT = /^pgi_[A-Za-z0-9_-]{43}$/;
export const newInviteToken = (): string => `pgi_${randomBytes(32).toString('base64url')}`;
export const hashInviteToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
/** Checked before any lookup: a malformed token costs no query. */
export const looksLikeInviteToken = (token: string): boolean => TOKEN_FORMAT.test(token);
