import { and, eq, lt } from 'drizzle-orm';
import type { UsersQueryable, UsersTx } from '../db/index.ts';
import { accountLinks } from '../db/schema.ts';

export type AccountLinkPurpose = 'PASSWORD_RESET' | 'EMAIL_CHANGE';

export interface AccountLinkRow {
  tokenHash: string;
  userId: string;
  purpose: AccountLinkPurpose;
  newEmail: string | null;
  expiresAt: Date;
}

/** upsertAccountLink: one per account and purpose; a new one replaces (and so voids) the old. */
export async function upsertAccountLink(db: UsersQueryable, row: AccountLinkRow): Promise<void> {
  await db
    .insert(accountLinks)
    .values(row)
    .onDuplicateKeyUpdate({
      set: { tokenHash: row.tokenHash, newEmail: row.newEmail, expiresAt: row.expiresAt },
    });
}

/**
 * takeAccountLink: the link a token names, for this purpose, locked and deleted in the caller's
 * transaction: it works once, however many times it is followed at the same moment.
 */
export async function takeAccountLink(
  tx: UsersTx,
  tokenHash: string,
  purpose: AccountLinkPurpose,
): Promise<AccountLinkRow | undefined> {
  const where = and(eq(accountLinks.tokenHash, tokenHash), eq(accountLinks.purpose, purpose));
  const [row] = await tx
    .select({
      tokenHash: accountLinks.tokenHash,
      userId: accountLinks.userId,
      purpose: accountLinks.purpose,
      newEmail: accountLinks.newEmail,
      expiresAt: accountLinks.expiresAt,
    })
    .from(accountLinks)
    .where(where)
    .for('update');
  if (!row) return undefined;
  await tx.delete(accountLinks).where(where);
  return { ...row, purpose };
}

/** deleteExpiredAccountLinks: what nobody followed in time (run by each new request). */
export async function deleteExpiredAccountLinks(db: UsersQueryable, now: Date): Promise<void> {
  await db.delete(accountLinks).where(lt(accountLinks.expiresAt, now));
}
