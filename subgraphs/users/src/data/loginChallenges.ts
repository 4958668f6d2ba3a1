import { eq, lt, sql } from 'drizzle-orm';
import type { UsersQueryable, UsersTx } from '../db/index.ts';
import { loginChallenges } from '../db/schema.ts';

export type LoginChallengeRow = typeof loginChallenges.$inferSelect;

export async function insertLoginChallenge(
  db: UsersQueryable,
  row: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(loginChallenges).values(row);
}

export async function selectLoginChallenge(
  db: UsersQueryable,
  tokenHash: string,
): Promise<LoginChallengeRow | undefined> {
  const [row] = await db
    .select()
    .from(loginChallenges)
    .where(eq(loginChallenges.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** lockLoginChallenge: the challenge, locked until the transaction ends (it works once). */
export async function lockLoginChallenge(
  tx: UsersTx,
  tokenHash: string,
): Promise<LoginChallengeRow | undefined> {
  const [row] = await tx
    .select()
    .from(loginChallenges)
    .where(eq(loginChallenges.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function deleteLoginChallenge(db: UsersQueryable, tokenHash: string): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.tokenHash, tokenHash));
}

/** countLoginChallengeFailure: one more wrong code for this challenge. */
export async function countLoginChallengeFailure(tx: UsersTx, tokenHash: string): Promise<void> {
  await tx
    .update(loginChallenges)
    .set({ failures: sql`${loginChallenges.failures} + 1` })
    .where(eq(loginChallenges.tokenHash, tokenHash));
}

/** deleteExpiredLoginChallenges: the ones nobody finished in time (run by each new login). */
export async function deleteExpiredLoginChallenges(db: UsersQueryable, now: Date): Promise<void> {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
}

/** deleteLoginChallengesOfUser: a new password voids every login half done with the old one. */
export async function deleteLoginChallengesOfUser(
  db: UsersQueryable,
  userId: string,
): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
}
