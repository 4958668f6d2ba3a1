import { createHash, randomBytes } from 'node:crypto';
import { conflict, retryTransaction, unauthenticated, uuidv7 } from '@poolgraph/platform';
import type { Role } from '@poolgraph/auth';
import type { UsersDb, UsersQueryable } from '../db/index.ts';
import {
  insertRefreshToken,
  lockRefreshTokenByHash,
  markRefreshTokenSpent,
  revokeRefreshTokenFamily,
  selectRefreshTokenByHash,
} from '../data/refreshTokens.ts';
import { insertUser, selectUserForLogin, selectUsersByIds, type UserRow } from '../data/users.ts';
import type { AccessTokenSigner } from './keys.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { LoginThrottle } from './throttle.ts';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: UserRow;
}

export interface SessionServiceDeps {
  db: UsersDb;
  signer: AccessTokenSigner;
  throttle: LoginThrottle;
  refreshTtlSeconds: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const invalidRefresh = () => unauthenticated('The refresh token is not valid; log in again.');

/** Accounts and sessions: sign-up, login, refresh-token rotation with reuse detection, logout. */
export function createSessionService({
  db,
  signer,
  throttle,
  refreshTtlSeconds,
}: SessionServiceDeps) {
  async function issue(user: UserRow, familyId: string, tx: UsersQueryable = db) {
    const refreshToken = randomBytes(32).toString('base64url');
    await insertRefreshToken(tx, {
      id: uuidv7(),
      familyId,
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + refreshTtlSeconds * 1000),
    });
    const accessToken = await signer.sign({ userId: user.id, roles: user.roles });
    return { accessToken, refreshToken, user };
  }

  return {
    async signUp(input: {
      email: string;
      password: string;
      name: string;
      role: Role;
    }): Promise<Session> {
      const user = { id: uuidv7(), email: input.email, name: input.name, roles: [input.role] };
      const passwordHash = await hashPassword(input.password);
      if (!(await insertUser(db, { ...user, passwordHash }))) {
        throw conflict('An account with this email already exists.');
      }
      const [created] = await selectUsersByIds(db, [user.id]);
      return issue(created!, uuidv7());
    },

    async logIn(email: string, password: string, clientAddress: string): Promise<Session> {
      await throttle.assertAllowed(email, clientAddress);
      const user = await selectUserForLogin(db, email);
      const valid = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password);
      if (!user || !valid) {
        await throttle.recordFailure(email, clientAddress);
        // One message for an unknown email and a wrong password: it reveals nothing.
        throw unauthenticated('The email or password is incorrect.');
      }
      await throttle.recordSuccess(email);
      const { passwordHash: _hash, ...row } = user;
      return issue(row, uuidv7());
    },

    async refresh(refreshToken: string): Promise<Session> {
      const now = new Date();
      const outcome = await retryTransaction(() =>
        db.transaction(async (tx) => {
          const token = await lockRefreshTokenByHash(tx, hashToken(refreshToken));
          if (!token || token.revokedAt || token.expiresAt <= now)
            return { kind: 'invalid' as const };
          if (token.spentAt) {
            // A spent token came back: whoever holds the family may be an attacker. End it all.
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

    async logOut(refreshToken: string): Promise<boolean> {
      const token = await selectRefreshTokenByHash(db, hashToken(refreshToken));
      if (!token) return false;
      return (await revokeRefreshTokenFamily(db, token.familyId, new Date())) > 0;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
