import {
  hasRole,
  requireRecentSecondFactor,
  requireViewer,
  STEP_UP_MAX_AGE_MS,
  type Viewer,
} from '@poolgraph/auth';
import {
  badUserInput,
  conflict,
  ErrorCode,
  forbidden,
  graphQLError,
  retryTransaction,
  type Keyring,
  type SessionRevocations,
} from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import {
  countUnusedRecoveryCodes,
  deleteRecoveryCodes,
  replaceRecoveryCodes,
} from '../data/recoveryCodes.ts';
import { revokeRefreshTokensOfUser, setSessionSecondFactorAt } from '../data/refreshTokens.ts';
import {
  selectUserCredentials,
  selectUsersByIds,
  updateUserSecondFactorRequirement,
  type UserRow,
} from '../data/users.ts';
import { deleteUserTotp, selectUserTotp, upsertPendingTotp } from '../data/userTotp.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { secondFactorStateOf } from '../auth/secondFactorPolicy.ts';
import {
  acceptCode,
  newRecoveryCodes,
  sealTotpSecret,
  type CodeThrottle,
} from '../auth/secondFactorCodes.ts';
import type { SessionService } from '../auth/sessions.ts';
import type { LoginThrottle } from '../auth/throttle.ts';
import { newTotpSecret, otpauthUri } from '../auth/totp.ts';
import type { OwnerNotices } from './ownerNotices.ts';

export interface SecondFactorDeps {
  db: UsersDb;
  keyring: Keyring;
  clock: () => number;
  sessions: SessionService;
  passwords: PasswordHasher;
  loginThrottle: LoginThrottle;
  codeThrottle: CodeThrottle;
  revocations: SessionRevocations;
  notices: OwnerNotices;
  adminsMustEnrol: boolean;
}

const wrongCode = () =>
  badUserInput(
    'code',
    'is not a current code from your authenticator app or an unused recovery code.',
  );

/** A person signed in with a password: partner keys have no second factor. */
function requirePerson(viewer: Viewer | null): Viewer {
  if (hasRole(requireViewer(viewer), 'PARTNER')) {
    throw forbidden('A partner key has no second factor.');
  }
  return viewer!;
}

/** Sessions that start from here on are newer than every revocation just written. */
const afterRevocation = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * TOTP enrolment, its recovery codes, turning it off, step-up, the "require a second factor"
 * setting, and the check sensitive operations make (requireStepUp). Codes are throttled per
 * account and address (secondFactorCodes.ts).
 */
export function createSecondFactorService(deps: SecondFactorDeps) {
  const { db, keyring, clock, sessions, codeThrottle, revocations, notices } = deps;

  async function userById(id: string): Promise<UserRow> {
    const [user] = await selectUsersByIds(db, [id]);
    if (!user) throw forbidden('This account no longer exists.');
    return user;
  }

  /** Runs `check` (which accepts a code or not) throttled, and throws when it did not. */
  async function throttled<T>(
    userId: string,
    clientAddress: string,
    check: () => Promise<T | undefined>,
  ): Promise<T> {
    await codeThrottle.admit(userId, clientAddress);
    const accepted = await check();
    if (accepted === undefined) throw wrongCode();
    await codeThrottle.recordSuccess(userId, clientAddress);
    return accepted;
  }

  /** A code of the user's (TOTP or recovery), checked and spent in its own transaction. */
  const proveCode = (userId: string, code: string, clientAddress: string) =>
    throttled(userId, clientAddress, () =>
      retryTransaction(() =>
        db.transaction((tx) => acceptCode(tx, keyring, userId, code, clock())),
      ),
    );

  /**
   * For payouts, payout details and API keys: a second factor proven within 5 minutes when
   * the account has one or must have one (as the database says now, or the token did).
   */
  async function requireStepUp(viewer: Viewer): Promise<void> {
    const user = await userById(viewer.userId);
    const state = await secondFactorStateOf(db, user, deps.adminsMustEnrol);
    const required = state.required || viewer.secondFactorRequired === true;
    if (required && !state.enabled) {
      throw graphQLError(
        ErrorCode.FORBIDDEN,
        'This needs a second factor, and this account has none yet: turn one on (startTotpEnrolment), then try again.',
        { use: 'stepUp' },
      );
    }
    requireRecentSecondFactor(viewer, { required, now: clock() });
  }

  return {
    requireStepUp,

    /** What the account page shows (the user themself and admins). */
    async status(user: UserRow) {
      const state = await secondFactorStateOf(db, user, deps.adminsMustEnrol);
      const totp = await selectUserTotp(db, user.id);
      return {
        enabled: state.enabled,
        enabledAt: totp?.enabledAt ?? null,
        mustEnrol: state.mustEnrol,
        requiredForSensitiveOperations: state.required,
        requireSetting: user.requireSecondFactor,
        recoveryCodesLeft: state.enabled ? await countUnusedRecoveryCodes(db, user.id) : 0,
      };
    },

    /** A new secret to scan; replaces an enrolment not yet confirmed. */
    async startEnrolment(viewer: Viewer | null) {
      const { userId } = requirePerson(viewer);
      const user = await userById(userId);
      if ((await selectUserTotp(db, userId))?.enabledAt) {
        throw conflict('A second factor is already on; turn it off first to enrol another.');
      }
      const secret = newTotpSecret();
      await upsertPendingTotp(db, userId, await sealTotpSecret(keyring, userId, secret));
      return { secret, uri: otpauthUri(secret, user.email) };
    },

    /**
     * The first code turns TOTP on: new recovery codes (shown once), every session ends (a
     * stolen one must not outlive the new factor) and this device gets a fresh one that has
     * just proved it.
     */
    async confirmEnrolment(viewer: Viewer | null, code: string, clientAddress: string) {
      const { userId } = requirePerson(viewer);
      if (!(await selectUserTotp(db, userId))) {
        throw badUserInput('code', 'no enrolment is under way: call startTotpEnrolment first.');
      }
      const { codes, hashes } = newRecoveryCodes(userId);
      // Sessions end only once the code is right (a wrong one changes nothing): refresh tokens
      // in the transaction, then every session that had started by the commit, everywhere.
      await throttled(userId, clientAddress, () =>
        retryTransaction(() =>
          db.transaction(async (tx) => {
            const now = clock();
            const accepted = await acceptCode(tx, keyring, userId, code, now, { pending: true });
            if (!accepted) return undefined;
            await replaceRecoveryCodes(tx, userId, hashes);
            await revokeRefreshTokensOfUser(tx, userId, new Date());
            return accepted;
          }),
        ),
      );
      await revocations.revokeUser(userId);
      await afterRevocation();
      const user = await userById(userId);
      notices.secondFactorChanged(user.email, true);
      return { recoveryCodes: codes, session: await sessions.start(user, new Date(clock())) };
    },

    /** Turns TOTP off with the password and a code; an ADMIN who must have one cannot. */
    async disable(viewer: Viewer | null, password: string, code: string, clientAddress: string) {
      const { userId } = requirePerson(viewer);
      const user = await userById(userId);
      const state = await secondFactorStateOf(db, user, deps.adminsMustEnrol);
      if (state.mustEnrol) throw forbidden('An administrator must keep a second factor.');
      if (!state.enabled) throw conflict('No second factor is on.');
      const credentials = await selectUserCredentials(db, userId);
      await deps.loginThrottle.admit(user.email, clientAddress);
      if (!credentials || !(await deps.passwords.verify(credentials.passwordHash, password))) {
        throw badUserInput('password', 'is not your current password.');
      }
      await deps.loginThrottle.recordSuccess(user.email, clientAddress);
      await proveCode(userId, code, clientAddress);
      await db.transaction(async (tx) => {
        await deleteRecoveryCodes(tx, userId);
        await deleteUserTotp(tx, userId);
      });
      notices.secondFactorChanged(user.email, false);
      return user;
    },

    /** A fresh code: the session's new access token carries the proof for 5 minutes. */
    async stepUp(viewer: Viewer | null, code: string, clientAddress: string) {
      const { userId, sessionId } = requirePerson(viewer);
      const user = await userById(userId);
      if (!(await selectUserTotp(db, userId))?.enabledAt) {
        throw forbidden('This account has no second factor yet: turn one on first.');
      }
      await proveCode(userId, code, clientAddress);
      const at = new Date(clock());
      await setSessionSecondFactorAt(db, sessionId, userId, at);
      return {
        accessToken: await sessions.reissue(user, sessionId, at),
        validUntil: new Date(at.getTime() + STEP_UP_MAX_AGE_MS),
      };
    },

    /** The user's own setting; turning it off is itself a sensitive operation. */
    async setRequirement(viewer: Viewer | null, required: boolean) {
      const person = requirePerson(viewer);
      const user = await userById(person.userId);
      if (!required && user.requireSecondFactor) await requireStepUp(person);
      await updateUserSecondFactorRequirement(db, user.id, required);
      return userById(user.id);
    },
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
