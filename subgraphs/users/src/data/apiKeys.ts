import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { UsersQueryable } from '../db/index.ts';
import { apiKeys } from '../db/schema.ts';

type StoredApiKey = typeof apiKeys.$inferSelect;
/** A key as read: its scopes split; never its hash. */
export type ApiKeyRow = Omit<StoredApiKey, 'secretHash' | 'scopes'> & { scopes: string[] };

const columns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scopes: apiKeys.scopes,
  prefix: apiKeys.prefix,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};
const toRow = (row: Omit<StoredApiKey, 'secretHash'>): ApiKeyRow => ({
  ...row,
  scopes: row.scopes.split(','),
});

export async function insertApiKey(
  db: UsersQueryable,
  key: Omit<typeof apiKeys.$inferInsert, 'scopes'> & { scopes: readonly string[] },
): Promise<void> {
  await db.insert(apiKeys).values({ ...key, scopes: key.scopes.join(',') });
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

/** selectApiKeys: every key, newest first (keys are created by hand: a few hundred at most). */
export async function selectApiKeys(db: UsersQueryable): Promise<ApiKeyRow[]> {
  const rows = await db
    .select(columns)
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toRow);
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
