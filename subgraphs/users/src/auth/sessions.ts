import { retryTransaction, unauthenticated, uuidv7 } from '@poolgraph/platform';
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
}

const invalidRefresh = () => unauthenticated('The refresh token is not valid; log in again.');

/** Sessions: login, refresh-token rotation with reuse detection, logout (sign-up: signUps.ts). */
export function createSessionService({
  db,
  signer,
  throttle,
  passwords,
  revocations,
  refreshTtlSeconds,
}: SessionServiceDeps) {
  /** `familyId` is the session id (a UUIDv7: its time is when the session started). */
  async function issue(user: UserRow, familyId: string, tx: UsersQueryable = db) {
    const refreshToken = newSecret();
    await insertRefreshToken(tx, {
      id: uuidv7(),
      familyId,
      userId: user.id,
      tokenHash: hashSecret(refreshToken),
      expiresAt: new Date(Date.now() + refreshTtlSeconds * 1000),
    });
    const accessToken = await signer.sign({
      userId: user.id,
      roles: user.roles,
      sessionId: familyId,
    });
    return { accessToken, refreshToken, user, sessionId: familyId };
  }

  return {
    /** A new session for an account that has just been created. */
    start: (user: UserRow) => issue(user, uuidv7()),

    async logIn(email: string, password: string, clientAddress: string): Promise<Session> {
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
      // Created under a share lock on the row, with the credentials it holds now: a password or
      // role change that committed while the hash was being checked wins, and one that comes
      // after revokes this session with the others.
      const session = await retryTransaction(() =>
        db.transaction(async (tx) => {
          const current = await lockUserCredentials(tx, user.id);
          if (!current || current.passwordHash !== user.passwordHash) return undefined;
          const { passwordHash: _hash, ...row } = current;
          return issue(row, uuidv7(), tx);
        }),
      );
      if (!session) throw unauthenticated('The email or password is incorrect.');
      return session;
    },

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
          return { kind: 'rotated' as const, session: await issue(user, token.familyId, tx) };
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
