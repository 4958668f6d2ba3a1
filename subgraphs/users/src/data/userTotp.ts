import { eq } from 'drizzle-orm';
import type { UsersQueryable, UsersTx } from '../db/index.ts';
import { userTotp } from '../db/schema.ts';

/** A user's authenticator; `secret` is the sealed value, opened only in services/secondFactor.ts. */
export type UserTotpRow = typeof userTotp.$inferSelect;

export async function selectUserTotp(
  db: UsersQueryable,
  userId: string,
): Promise<UserTotpRow | undefined> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  return row;
}

/** selectTotpEnabled: whether the user has TOTP on (confirmed, not merely started). */
export async function selectTotpEnabled(db: UsersQueryable, userId: string): Promise<boolean> {
  const row = await selectUserTotp(db, userId);
  return !!row?.enabledAt;
}

/** lockUserTotp: the row, locked until the transaction ends, so a code step is used once. */
export async function lockUserTotp(tx: UsersTx, userId: string): Promise<UserTotpRow | undefined> {
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId)).for('update');
  return row;
}

/** upsertPendingTotp: a new enrolment, replacing one not yet confirmed. */
export async function upsertPendingTotp(
  db: UsersQueryable,
  userId: string,
  sealedSecret: string,
): Promise<void> {
  await db
    .insert(userTotp)
    .values({ userId, secret: sealedSecret })
    .onDuplicateKeyUpdate({ set: { secret: sealedSecret, enabledAt: null, lastStep: null } });
}

/** updateTotpAccepted: a code of `step` was accepted (and, on enrolment, TOTP turned on). */
export async function updateTotpAccepted(
  tx: UsersTx,
  userId: string,
  step: number,
  enabledAt?: Date,
): Promise<void> {
  await tx
    .update(userTotp)
    .set({ lastStep: step, ...(enabledAt ? { enabledAt } : {}) })
    .where(eq(userTotp.userId, userId));
}

export async function deleteUserTotp(db: UsersQueryable, userId: string): Promise<void> {
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
}
