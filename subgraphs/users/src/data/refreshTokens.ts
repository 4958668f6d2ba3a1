import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { UsersDb, UsersQueryable, UsersTx as Tx } from '../db/index.ts';
import { refreshTokens } from '../db/schema.ts';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function insertRefreshToken(
  db: UsersQueryable,
  token: typeof refreshTokens.$inferInsert,
): Promise<void> {
  await db.insert(refreshTokens).values(token);
}

/** lockRefreshTokenByHash: the row, locked until the transaction ends, so rotation is serialized. */
export async function lockRefreshTokenByHash(
  tx: Tx,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  const [row] = await tx
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function markRefreshTokenSpent(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(refreshTokens).set({ spentAt: at }).where(eq(refreshTokens.id, id));
}

/** revokeRefreshTokenFamily: ends every token of a session; returns how many were live. */
export async function revokeRefreshTokenFamily(
  db: UsersQueryable,
  familyId: string,
  at: Date,
): Promise<number> {
  const [result] = await db
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  return result.affectedRows;
}

export async function selectRefreshTokenByHash(
  db: UsersDb,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** revokeRefreshTokensOfUser: ends every session of a user (a credential or role change). */
export async function revokeRefreshTokensOfUser(
  db: UsersQueryable,
  userId: string,
  at: Date,
): Promise<number> {
  const [result] = await db
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  return result.affectedRows;
}

/**
 * selectLiveSessionsOfUser: one row per session that can still refresh: its live token (every
 * family has at most one unspent, unrevoked token) and when that was issued. Newest session
 * first (family ids are UUIDv7); a page of `limit` older than the family `beforeFamilyId` when
 * given.
 */
export async function selectLiveSessionsOfUser(
  db: UsersQueryable,
  userId: string,
  now: Date,
  page: { beforeFamilyId?: string | null; limit?: number } = {},
): Promise<Array<{ familyId: string; lastActiveAt: Date }>> {
  const query = db
    .select({ familyId: refreshTokens.familyId, lastActiveAt: refreshTokens.createdAt })
    .from(refreshTokens)
    .where(
      and(
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        isNull(refreshTokens.spentAt),
        gt(refreshTokens.expiresAt, now),
        page.beforeFamilyId ? lt(refreshTokens.familyId, page.beforeFamilyId) : undefined,
      ),
    )
    .orderBy(desc(refreshTokens.familyId));
  return page.limit === undefined ? query : query.limit(page.limit);
}

/** revokeRefreshTokenFamilyOfUser: as revokeRefreshTokenFamily, only if the session is theirs. */
export async function revokeRefreshTokenFamilyOfUser(
  db: UsersQueryable,
  familyId: string,
  userId: string,
  at: Date,
): Promise<number> {
  const [result] = await db
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(
      and(
        eq(refreshTokens.familyId, familyId),
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
      ),
    );
  return result.affectedRows;
}

/**
 * setSessionSecondFactorAt: the session proved a second factor (step-up); its live refresh
 * token carries the time to the access tokens it is exchanged for.
 */
export async function setSessionSecondFactorAt(
  db: UsersQueryable,
  familyId: string,
  userId: string,
  at: Date,
): Promise<number> {
  const [result] = await db
    .update(refreshTokens)
    .set({ secondFactorAt: at })
    .where(
      and(
        eq(refreshTokens.familyId, familyId),
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        isNull(refreshTokens.spentAt),
      ),
    );
  return result.affectedRows;
}
