import { hasRole, requireViewer, type Viewer } from '@poolgraph/auth';
import {
  badUserInput,
  forbidden,
  isUuid,
  retryTransaction,
  sessionStartOf,
  type SessionRevocations,
} from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import {
  deleteExpiredAccountLinks,
  takeAccountLink,
  upsertAccountLink,
  type AccountLinkPurpose,
} from '../data/accountLinks.ts';
import {
  revokeRefreshTokenFamilyOfUser,
  revokeRefreshTokensOfUser,
  selectLiveSessionsOfUser,
} from '../data/refreshTokens.ts';
import {
  lockUserCredentials,
  selectUserCredentials,
  selectUserForLogin,
  selectUsersByIds,
  updateUserCredentials,
  updateUserEmail,
  updateUserProfile,
  type UserRow,
} from '../data/users.ts';
import { changeCredentials } from '../auth/credentials.ts';
import { deleteLoginChallengesOfUser } from '../data/loginChallenges.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { hashSecret, isSecretShape, newSecret } from '../auth/secrets.ts';
import type { Session, SessionService } from '../auth/sessions.ts';
import type { LoginThrottle, SignUpThrottle } from '../auth/throttle.ts';
import type { OwnerNotices } from './ownerNotices.ts';

export interface AccountServiceDeps {
  db: UsersDb;
  sessions: SessionService;
  passwords: PasswordHasher;
  /** Checking the current password counts as a login attempt on the account. */
  loginThrottle: LoginThrottle;
  /** Its email budget per address is shared with sign-up links. */
  mail: SignUpThrottle;
  notices: OwnerNotices;
  revocations: SessionRevocations;
}

/** How long an emailed link works, by purpose. */
const LINK_TTL_MS: Record<AccountLinkPurpose, number> = {
  PASSWORD_RESET: 30 * 60_000,
  EMAIL_CHANGE: 24 * 3_600_000,
};

const invalidLink = () =>
  badUserInput(
    'token',
    'this link is not valid: it was used, replaced by a newer one, or has expired. Ask for a new one.',
  );

/** A person signed in with a password: partner keys have no account of their own to manage. */
function requirePerson(viewer: Viewer | null): Viewer {
  if (hasRole(requireViewer(viewer), 'PARTNER')) {
    throw forbidden('A partner key has no account to manage.');
  }
  return viewer!;
}

/** Sessions that start from here on are newer than every revocation just written. */
const afterRevocation = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * What people do with their own account: profile, password (change, forgotten), email (change
 * with confirmation), sessions (list, end). Nothing here tells a stranger whether an address
 * has an account: requests about an address answer alike, and only the address hears more.
 */
export function createAccountService(deps: AccountServiceDeps) {
  const { db, sessions, passwords, loginThrottle, mail, notices, revocations } = deps;

  /** The current password, checked (and throttled) as a login is. */
  async function verifyPassword(viewer: Viewer, password: string, clientAddress: string) {
    const user = await selectUserCredentials(db, viewer.userId);
    if (!user) throw forbidden('This account no longer exists.');
    await loginThrottle.admit(user.email, clientAddress);
    if (!(await passwords.verify(user.passwordHash, password))) {
      throw badUserInput('currentPassword', 'is not your current password.');
    }
    await loginThrottle.recordSuccess(user.email, clientAddress);
    return user;
  }

  /**
   * Emails a link for `purpose` to `to`, replacing the account's earlier one, within the
   * address's budget. Without an account (`user` undefined) the same queries run and nothing
   * is written or sent, so the time taken does not tell the two apart.
   */
  async function sendLink(
    user: { id: string } | undefined,
    to: string,
    purpose: AccountLinkPurpose,
    send: (to: string, token: string, expiresAt: Date) => void,
  ): Promise<Date> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]);
    await deleteExpiredAccountLinks(db, now);
    if (!(await mail.mayEmail(to)) || !user) return expiresAt;
    const token = newSecret();
    const tokenHash = hashSecret(token);
    const newEmail = purpose === 'EMAIL_CHANGE' ? to : null;
    await upsertAccountLink(db, { tokenHash, userId: user.id, purpose, newEmail, expiresAt });
    send(to, token, expiresAt);
    return expiresAt;
  }

  async function userById(id: string): Promise<UserRow> {
    const [user] = await selectUsersByIds(db, [id]);
    if (!user) throw forbidden('This account no longer exists.');
    return user;
  }

  return {
    async updateProfile(viewer: Viewer | null, profile: { name: string; phone: string | null }) {
      const { userId } = requirePerson(viewer);
      await updateUserProfile(db, userId, profile);
      return userById(userId);
    },

    /** Ends every session of the account, this one included, and answers a fresh one for it. */
    async changePassword(
      viewer: Viewer | null,
      current: string,
      next: string,
      clientAddress: string,
    ): Promise<Session> {
      const user = await verifyPassword(requirePerson(viewer), current, clientAddress);
      const passwordHash = await passwords.hash(next);
      await changeCredentials(db, revocations, user.id, { passwordHash, roles: user.roles });
      await afterRevocation();
      notices.passwordChanged(user.email);
      return sessions.start(await userById(user.id));
    },

    /** Always true: whether the address has an account only its inbox learns. */
    async requestPasswordReset(email: string): Promise<boolean> {
      const user = await selectUserForLogin(db, email);
      await sendLink(user, email, 'PASSWORD_RESET', notices.resetPassword);
      return true;
    },

    async resetPassword(token: string, next: string): Promise<Session> {
      if (!isSecretShape(token)) throw invalidLink();
      const passwordHash = await passwords.hash(next);
      const user = await retryTransaction(() =>
        db.transaction(async (tx) => {
          const link = await takeAccountLink(tx, hashSecret(token), 'PASSWORD_RESET');
          if (!link || link.expiresAt <= new Date()) return undefined;
          const found = await lockUserCredentials(tx, link.userId);
          if (!found) return undefined;
          await updateUserCredentials(tx, found.id, { passwordHash, roles: found.roles });
          await revokeRefreshTokensOfUser(tx, found.id, new Date());
          await deleteLoginChallengesOfUser(tx, found.id);
          return found;
        }),
      );
      if (!user) throw invalidLink();
      // Access tokens of every earlier session stop working everywhere within the bound.
      await revocations.revokeUser(user.id);
      await afterRevocation();
      notices.passwordChanged(user.email);
      return sessions.start(await userById(user.id));
    },

    /**
     * The same answer whether the new address is free or taken; a free one is sent the link
     * (24 hours). The account keeps its address until the link is followed.
     */
    async requestEmailChange(
      viewer: Viewer | null,
      newEmail: string,
      current: string,
      clientAddress: string,
    ) {
      const user = await verifyPassword(requirePerson(viewer), current, clientAddress);
      if (newEmail === user.email) throw badUserInput('newEmail', 'is already your email.');
      const taken = (await selectUserForLogin(db, newEmail)) !== undefined;
      const to = taken ? undefined : user;
      const expiresAt = await sendLink(to, newEmail, 'EMAIL_CHANGE', notices.confirmEmailChange);
      return { email: newEmail, expiresAt };
    },

    /** Makes the link's address the account's login; the old address is told. */
    async confirmEmailChange(token: string): Promise<boolean> {
      if (!isSecretShape(token)) throw invalidLink();
      const outcome = await retryTransaction(() =>
        db.transaction(async (tx) => {
          const link = await takeAccountLink(tx, hashSecret(token), 'EMAIL_CHANGE');
          if (!link?.newEmail || link.expiresAt <= new Date()) return undefined;
          const user = await lockUserCredentials(tx, link.userId);
          if (!user) return undefined;
          const changed = await updateUserEmail(tx, user.id, link.newEmail);
          return { changed, oldEmail: user.email, newEmail: link.newEmail };
        }),
      );
      if (!outcome) throw invalidLink();
      if (!outcome.changed) {
        throw badUserInput('token', 'another account now uses this address; the link is spent.');
      }
      notices.emailChanged(outcome.oldEmail, outcome.newEmail);
      return true;
    },

    /** The account's sessions that can still be refreshed, newest first. */
    /** Newest first by id (UUIDv7, so by start); a page of `limit` older than `beforeId`. */
    async sessions(viewer: Viewer | null, page?: { beforeId: string | null; limit: number }) {
      const { userId, sessionId } = requirePerson(viewer);
      const rows = await selectLiveSessionsOfUser(db, userId, new Date(), {
        beforeFamilyId: page?.beforeId,
        limit: page?.limit,
      });
      return rows.map(({ familyId, lastActiveAt }) => ({
        id: familyId,
        startedAt: new Date(sessionStartOf(familyId)),
        lastActiveAt,
        current: familyId === sessionId,
      }));
    },

    /**
     * Ends one of the caller's own sessions (its access tokens everywhere within the bound).
     * False for an id that is not a live session of theirs: nobody ends another's session.
     */
    async revokeSession(viewer: Viewer | null, id: string): Promise<boolean> {
      const { userId } = requirePerson(viewer);
      if (!isUuid(id)) throw badUserInput('id', 'must be a session id.');
      const ended = await revokeRefreshTokenFamilyOfUser(db, id, userId, new Date());
      if (ended === 0) return false;
      await revocations.revokeSession(id);
      return true;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
