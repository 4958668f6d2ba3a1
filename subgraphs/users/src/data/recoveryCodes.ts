import { and, count, eq, isNull } from 'drizzle-orm';
import type { UsersQueryable } from '../db/index.ts';
import { recoveryCodes } from '../db/schema.ts';

/** replaceRecoveryCodes: a new set (the old one, used or not, stops working). */
export async function replaceRecoveryCodes(
  db: UsersQueryable,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/**
 * useRecoveryCode: spends the code if it is one of the user's and unused; false otherwise. One
 * conditional UPDATE, so two requests with the same code cannot both spend it.
 */
export async function useRecoveryCode(
  db: UsersQueryable,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const [result] = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    );
  return result.affectedRows === 1;
}

export async function countUnusedRecoveryCodes(
  db: UsersQueryable,
  userId: string,
): Promise<number> {
  const [row] = await db
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.left ?? 0;
}

export async function deleteRecoveryCodes(db: UsersQueryable, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
