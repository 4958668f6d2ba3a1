import { and, count, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { UsersQueryable } from '../db/index.ts';
import { apiKeys } from '../db/schema.ts';

type StoredApiKey = typeof apiKeys.$inferSelect;
/** A key as read: its scopes and pools split; never its hash. */
export type ApiKeyRow = Omit<StoredApiKey, 'secretHash' | 'scopes' | 'poolIds'> & {
  scopes: string[];
  /** A delegated key's pools; null: all of its manager's (or a platform key). */
  poolIds: string[] | null;
};

const columns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scopes: apiKeys.scopes,
  prefix: apiKeys.prefix,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  delegatedBy: apiKeys.delegatedBy,
  poolIds: apiKeys.poolIds,
  expiresAt: apiKeys.expiresAt,
  note: apiKeys.note,
};
const toRow = (row: Omit<StoredApiKey, 'secretHash'>): ApiKeyRow => ({
  ...row,
  scopes: row.scopes.split(','),
  poolIds: row.poolIds === null ? null : row.poolIds.split(','),
});

export async function insertApiKey(
  db: UsersQueryable,
  key: Omit<typeof apiKeys.$inferInsert, 'scopes' | 'poolIds'> & {
    scopes: readonly string[];
    poolIds: readonly string[] | null;
  },
): Promise<void> {
  await db.insert(apiKeys).values({
    ...key,
    scopes: key.scopes.join(','),
    poolIds: key.poolIds === null ? null : key.poolIds.join(','),
  });
}

export async function selectApiKeyById(
  db: UsersQueryable,
  id: string,
): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select(columns).from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  return row && toRow(row);
}

/** selectApiKeyBySecretHash: the key a presented secret belongs to, revoked or not. */
export async function selectApiKeyBySecretHash(
  db: UsersQueryable,
  secretHash: string,
): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, secretHash))
    .limit(1);
  return row && toRow(row);
}

/**
 * selectApiKeys: every key (or a manager's, `delegatedBy`), newest first by (createdAt, id),
 * revoked ones included; a page of `limit` after `after` when given (keys are created by hand: a
 * few per manager, a few thousand at most).
 */
export async function selectApiKeys(
  db: UsersQueryable,
  page: { delegatedBy?: string; after?: { createdAt: Date; id: string }; limit?: number } = {},
): Promise<ApiKeyRow[]> {
  const { delegatedBy, after, limit } = page;
  const query = db
    .select(columns)
    .from(apiKeys)
    .where(
      and(
        delegatedBy === undefined ? undefined : eq(apiKeys.delegatedBy, delegatedBy),
        after &&
          or(
            lt(apiKeys.createdAt, after.createdAt),
            and(eq(apiKeys.createdAt, after.createdAt), lt(apiKeys.id, after.id)),
          ),
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return (await (limit === undefined ? query : query.limit(limit))).map(toRow);
}

/** countLiveApiKeysDelegatedBy: a manager's keys that are neither revoked nor expired at `now`. */
export async function countLiveApiKeysDelegatedBy(
  db: UsersQueryable,
  managerId: string,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ live: count() })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.delegatedBy, managerId),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
      ),
    );
  return row?.live ?? 0;
}

/** revokeApiKeyById: sets revoked_at once; a second call keeps the first instant. */
export async function revokeApiKeyById(db: UsersQueryable, id: string, at: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

/**
 * touchApiKey: records a use, at most once per `everySeconds` per key whatever the number of
 * replicas (the condition is evaluated by MariaDB under the row lock).
 */
export async function touchApiKey(
  db: UsersQueryable,
  id: string,
  at: Date,
  everySeconds: number,
): Promise<void> {
  const before = new Date(at.getTime() - everySeconds * 1000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, before))));
}

/** A key just created and its secret, which exists only in this answer. */
export interface ApiKeyCreatedRow {
  apiKey: ApiKeyRow;
  secret: string;
}
