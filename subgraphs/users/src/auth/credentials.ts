import type { Role } from '@poolgraph/auth';
import type { SessionRevocations } from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import { deleteLoginChallengesOfUser } from '../data/loginChallenges.ts';
import { revokeRefreshTokensOfUser } from '../data/refreshTokens.ts';
import { updateUserCredentials } from '../data/users.ts';

/**
 * A new password hash or role list ends every session of the user: refresh tokens in MySQL,
 * access tokens through the shared revocation list. The user is revoked in Redis before the
 * change (if the change then fails, sessions were ended for nothing, which is safe) and again
 * after it commits, so a login that was checking the old password meanwhile is covered too.
 */
export async function changeCredentials(
  db: UsersDb,
  revocations: SessionRevocations,
  userId: string,
  changes: { passwordHash: string; roles: Role[] },
): Promise<void> {
  await revocations.revokeUser(userId);
  await db.transaction(async (tx) => {
    await updateUserCredentials(tx, userId, changes);
    await revokeRefreshTokensOfUser(tx, userId, new Date());
    await deleteLoginChallengesOfUser(tx, userId);
  });
  await revocations.revokeUser(userId);
}
