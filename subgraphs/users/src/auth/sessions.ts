import {
  ErrorCode,
  graphQLError,
  retryTransaction,
  unauthenticated,
  uuidv7,
} from '@poolgraph/platform';
import type { SessionRevocations } from '@poolgraph/platform';
import type { UsersDb, UsersQueryable } from '../db/index.ts';
import {
  insertRefreshToken,
  lockRefreshTokenByHash,
  markRefreshTokenSpent,
  revokeRefreshTokenFamily,
  selectRefreshTokenByHash,
} from '../data/refreshTokens.ts';
import {
  lockUserCredentials,
  selectUserForLogin,
  selectUsersByIds,
  type UserRow,
} from '../data/users.ts';
import { insertLoginChallenge, deleteExpiredLoginChallenges } from '../data/loginChallenges.ts';
import { secondFactorStateOf } from './secondFactorPolicy.ts';
import type { AccessTokenSigner } from './keys.ts';
import type { PasswordHasher } from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { LoginThrottle } from './throttle.ts';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: UserRow;
  sessionId: string;
}

export interface SessionServiceDeps {
  db: UsersDb;
  signer: AccessTokenSigner;
  throttle: LoginThrottle;
  passwords: PasswordHasher;
  revocations: SessionRevocations;
  refreshTtlSeconds: number;
  /** Whether ADMIN accounts must have a second factor (see secondFactorPolicy.ts). */
  adminsMustEnrol: boolean;
  /** The time, injectable for tests: second-factor proofs and challenges are dated by it. */
  clock: () => number;
}

/** The password was right and the account has a second factor: a code is awaited. */
export interface LoginChallenge {
  challenge: string;
  expiresAt: Date;
}

/** How long the second step of a login may take. */
export const LOGIN_CHALLENGE_TTL_MS = 5 * 60_000;

const invalidRefresh = () => unauthenticated('The refresh token is not valid; log in again.');

/** Sessions: login, refresh-token rotation with reuse detection, logout (sign-up: signUps.ts). */
export function createSessionService({
  db,
  signer,
  throttle,
  passwords,
  revocations,
  refreshTtlSeconds,
  adminsMustEnrol,
  clock,
}: SessionServiceDeps) {
  /** An access token for a session, with the roles and second-factor claims as they are now. */
  async function accessToken(
    user: UserRow,
    sessionId: string,
    secondFactorAt: Date | null,
    tx: UsersQueryable = db,
  ): Promise<string> {
    const state = await secondFactorStateOf(tx, user, adminsMustEnrol);
    return signer.sign({
      userId: user.id,
      roles: state.tokenRoles,
      sessionId,
      secondFactorRequired: state.required,
      secondFactorAt,
    });
  }

  /**
   * `familyId` is the session id (a UUIDv7: its time is when the session started);
   * `secondFactorAt` when it last proved a second factor, carried by its refresh tokens.
   */
  async function issue(
    user: UserRow,
    familyId: string,
    tx: UsersQueryable = db,
    secondFactorAt: Date | null = null,
  ) {
    const refreshToken = newSecret();
    await insertRefreshToken(tx, {
      id: uuidv7(),
      familyId,
      userId: user.id,
      tokenHash: hashSecret(refreshToken),
      expiresAt: new Date(Date.now() + refreshTtlSeconds * 1000),
      secondFactorAt,
    });
    const token = await accessToken(user, familyId, secondFactorAt, tx);
    return { accessToken: token, refreshToken, user, sessionId: familyId };
  }

  /**
   * The password check of a login (throttled), then a session created under a lock on the row
   * with the credentials it holds now: a password or role change that committed while the hash
   * was being checked wins, and one that comes after revokes this session with the others.
   * `withFactor` decides what an account with a second factor gets instead of a session.
   */
  async function passwordStep<T>(
    email: string,
    password: string,
    clientAddress: string,
    withFactor: (user: UserRow) => Promise<T>,
  ): Promise<Session | T> {
    await throttle.admit(email, clientAddress);
    const user = await selectUserForLogin(db, email);
    const valid = user
      ? await passwords.verify(user.passwordHash, password)
      : await passwords.verifyAgainstDummy(password);
    if (!user || !valid) {
      // One message for an unknown email and a wrong password: it reveals nothing.
      throw unauthenticated('The email or password is incorrect.');
    }
    await throttle.recordSuccess(email, clientAddress);
    const { passwordHash, ...row } = user;
    if ((await secondFactorStateOf(db, row, adminsMustEnrol)).enabled) return withFactor(row);
    const session = await retryTransaction(() =>
      db.transaction(async (tx) => {
        const current = await lockUserCredentials(tx, user.id);
        if (!current || current.passwordHash !== passwordHash) return undefined;
        const { passwordHash: _hash, ...locked } = current;
        return issue(locked, uuidv7(), tx);
      }),
    );
    if (!session) throw unauthenticated('The email or password is incorrect.');
    return session;
  }

  return {
    /** A new session for an account that has just been created. */
    start: (user: UserRow, secondFactorAt: Date | null = null) =>
      issue(user, uuidv7(), db, secondFactorAt),

    /**
     * The original login: a session, or for an account with a second factor FORBIDDEN naming
     * startLogIn (extensions.use), after the password check so it tells nothing to a guesser.
     */
    async logIn(email: string, password: string, clientAddress: string): Promise<Session> {
      return passwordStep(email, password, clientAddress, async () => {
        throw graphQLError(
          ErrorCode.FORBIDDEN,
          'This account has a second factor: log in with startLogIn, then finishLogIn with a code.',
          { use: 'startLogIn' },
        );
      });
    },

    /** A login that may take two steps: a session, or a challenge to answer with a code. */
    async startLogIn(
      email: string,
      password: string,
      clientAddress: string,
    ): Promise<Session | LoginChallenge> {
      return passwordStep(email, password, clientAddress, async (user) => {
        const now = clock();
        await deleteExpiredLoginChallenges(db, new Date(now));
        const challenge = newSecret();
        const expiresAt = new Date(now + LOGIN_CHALLENGE_TTL_MS);
        await insertLoginChallenge(db, {
          tokenHash: hashSecret(challenge),
          userId: user.id,
          expiresAt,
        });
        return { challenge, expiresAt };
      });
    },

    /** A new session that has just proved a second factor (the second step of a login). */
    startWithSecondFactor: (user: UserRow, tx: UsersQueryable = db) =>
      issue(user, uuidv7(), tx, new Date(clock())),

    /** A fresh access token for a live session that has just proved a second factor (step-up). */
    reissue: (user: UserRow, sessionId: string, secondFactorAt: Date) =>
      accessToken(user, sessionId, secondFactorAt),

    async refresh(refreshToken: string): Promise<Session> {
      const now = new Date();
      const outcome = await retryTransaction(() =>
        db.transaction(async (tx) => {
          const token = await lockRefreshTokenByHash(tx, hashSecret(refreshToken));
          if (!token || token.revokedAt || token.expiresAt <= now)
            return { kind: 'invalid' as const };
          if (token.spentAt) {
            // A spent token came back: whoever holds the family may be an attacker. End it all,
            // its access tokens included (Redis first: a failure there leaves nothing half done).
            await revocations.revokeSession(token.familyId);
            await revokeRefreshTokenFamily(tx, token.familyId, now);
            return { kind: 'reused' as const };
          }
          const [user] = await selectUsersByIds(tx, [token.userId]);
          if (!user) return { kind: 'invalid' as const };
          await markRefreshTokenSpent(tx, token.id, now);
          const session = await issue(user, token.familyId, tx, token.secondFactorAt);
          return { kind: 'rotated' as const, session };
        }),
      );
      if (outcome.kind !== 'rotated') throw invalidRefresh();
      return outcome.session;
    },

    /** Ends the session: its refresh tokens and, everywhere within seconds, its access tokens. */
    async logOut(refreshToken: string): Promise<boolean> {
      const token = await selectRefreshTokenByHash(db, hashSecret(refreshToken));
      if (!token) return false;
      await revocations.revokeSession(token.familyId);
      return (await revokeRefreshTokenFamily(db, token.familyId, new Date())) > 0;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
