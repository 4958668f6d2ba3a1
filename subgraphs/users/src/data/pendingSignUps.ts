import { eq, lt, sql } from 'drizzle-orm';
import type { Role } from '@poolgraph/auth';
import type { UsersQueryable, UsersTx } from '../db/index.ts';
import { pendingSignUps } from '../db/schema.ts';

export interface PendingSignUpRow {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  tokenHash: string;
  expiresAt: Date;
}

/** upsertPendingSignUp: one per address; asking again replaces the row, and so the old link. */
export async function upsertPendingSignUp(
  db: UsersQueryable,
  row: PendingSignUpRow,
): Promise<void> {
  await db
    .insert(pendingSignUps)
    .values(row)
    .onDuplicateKeyUpdate({
      set: {
        name: row.name,
        role: row.role,
        passwordHash: row.passwordHash,
        tokenHash: row.tokenHash,
        expiresAt: row.expiresAt,
        createdAt: sql`CURRENT_TIMESTAMP(3)`,
      },
    });
}

/**
 * takePendingSignUp: the row a link's token names, locked and deleted in the caller's
 * transaction, so a link works once however many times it is followed at the same moment.
 */
export async function takePendingSignUp(
  tx: UsersTx,
  tokenHash: string,
): Promise<PendingSignUpRow | undefined> {
  const [row] = await tx
    .select({
      email: pendingSignUps.email,
      name: pendingSignUps.name,
      role: pendingSignUps.role,
      passwordHash: pendingSignUps.passwordHash,
      tokenHash: pendingSignUps.tokenHash,
      expiresAt: pendingSignUps.expiresAt,
    })
    .from(pendingSignUps)
    .where(eq(pendingSignUps.tokenHash, tokenHash))
    .for('update');
  if (!row) return undefined;
  await tx.delete(pendingSignUps).where(eq(pendingSignUps.tokenHash, tokenHash));
  return { ...row, role: row.role as Role };
}

/** deleteExpiredPendingSignUps: what nobody confirmed in time (run by each new request). */
export async function deleteExpiredPendingSignUps(db: UsersQueryable, now: Date): Promise<void> {
  await db.delete(pendingSignUps).where(lt(pendingSignUps.expiresAt, now));
}
