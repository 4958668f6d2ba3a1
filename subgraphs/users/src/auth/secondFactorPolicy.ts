import type { Role } from '@poolgraph/auth';
import type { UsersQueryable } from '../db/index.ts';
import type { UserRow } from '../data/users.ts';
import { selectTotpEnabled } from '../data/userTotp.ts';

/** What a user's second factor means for the access tokens they get. */
export interface SecondFactorState {
  /** TOTP is on. */
  enabled: boolean;
  /** An ADMIN where admins must have a second factor (ADMIN_SECOND_FACTOR=required). */
  mustEnrol: boolean;
  /** Payouts, payout details and API keys need a recent second factor (the `mfa_req` claim). */
  required: boolean;
  /** The roles the token carries: an ADMIN who must enrol and has not gets them without ADMIN. */
  tokenRoles: Role[];
}

/**
 * Read when a token is minted (login, refresh, step-up), so a change shows in the next token.
 * An ADMIN who must have a second factor and has none signs in without the ADMIN role: every
 * service then treats them as the rest of their roles, and they can enrol (docs in the README,
 * "Second factor").
 */
export async function secondFactorStateOf(
  db: UsersQueryable,
  user: Pick<UserRow, 'id' | 'roles' | 'requireSecondFactor'>,
  adminsMustEnrol: boolean,
): Promise<SecondFactorState> {
  const enabled = await selectTotpEnabled(db, user.id);
  const mustEnrol = adminsMustEnrol && user.roles.includes('ADMIN');
  return {
    enabled,
    mustEnrol,
    required: enabled || mustEnrol || user.requireSecondFactor,
    tokenRoles: mustEnrol && !enabled ? user.roles.filter((r) => r !== 'ADMIN') : user.roles,
  };
}
