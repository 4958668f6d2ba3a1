import { badUserInput, retryTransaction, unauthenticated, type Keyring } from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import {
  countLoginChallengeFailure,
  deleteLoginChallenge,
  lockLoginChallenge,
  selectLoginChallenge,
} from '../data/loginChallenges.ts';
import { lockUserCredentials } from '../data/users.ts';
import { acceptCode, type CodeThrottle } from '../auth/secondFactorCodes.ts';
import { hashSecret, isSecretShape } from '../auth/secrets.ts';
import type { Session, SessionService } from '../auth/sessions.ts';

/** Wrong codes a challenge takes before it is dropped (the password must then be typed again). */
export const CHALLENGE_MAX_FAILURES = 5;

const expired = () =>
  unauthenticated('This login has expired or was already finished; log in again.');

export interface LoginSecondStepDeps {
  db: UsersDb;
  keyring: Keyring;
  clock: () => number;
  sessions: SessionService;
  codeThrottle: CodeThrottle;
}

/**
 * The second step of a login (finishLogIn): the challenge startLogIn gave and a TOTP or recovery
 * code. The challenge is taken under a lock and deleted with the session's creation, so it works
 * once; a wrong code counts against it and against the account's code throttle.
 */
export async function finishLogIn(
  deps: LoginSecondStepDeps,
  challenge: string,
  code: string,
  clientAddress: string,
): Promise<Session> {
  const { db, keyring, clock, sessions, codeThrottle } = deps;
  if (!isSecretShape(challenge)) throw expired();
  const tokenHash = hashSecret(challenge);
  const found = await selectLoginChallenge(db, tokenHash);
  if (!found || found.expiresAt.getTime() <= clock()) throw expired();
  await codeThrottle.admit(found.userId, clientAddress);
  const outcome = await retryTransaction(() =>
    db.transaction(async (tx) => {
      const row = await lockLoginChallenge(tx, tokenHash);
      if (!row || row.expiresAt.getTime() <= clock()) return { kind: 'expired' as const };
      if (!(await acceptCode(tx, keyring, row.userId, code, clock()))) {
        if (row.failures + 1 >= CHALLENGE_MAX_FAILURES) await deleteLoginChallenge(tx, tokenHash);
        else await countLoginChallengeFailure(tx, tokenHash);
        return { kind: 'wrong' as const };
      }
      await deleteLoginChallenge(tx, tokenHash);
      const user = await lockUserCredentials(tx, row.userId);
      if (!user) return { kind: 'expired' as const };
      const { passwordHash: _hash, ...rest } = user;
      return { kind: 'session' as const, session: await sessions.startWithSecondFactor(rest, tx) };
    }),
  );
  if (outcome.kind === 'expired') throw expired();
  if (outcome.kind === 'wrong') {
    throw badUserInput(
      'code',
      'is not a current code from your authenticator app or an unused recovery code.',
    );
  }
  await codeThrottle.recordSuccess(found.userId, clientAddress);
  return outcome.session;
}
