import { desc, isNull } from 'drizzle-orm';
import type { UsersDb } from '../db/index.ts';
import { signingKeys } from '../db/schema.ts';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** selectActiveSigningKeys: unretired keys, newest first. */
export async function selectActiveSigningKeys(db: UsersDb): Promise<SigningKeyRow[]> {
  return db
    .select()
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
}

export async function insertSigningKey(
  db: UsersDb,
  key: { kid: string; privateJwk: string; publicJwk: string },
): Promise<void> {
  await db.insert(signingKeys).values(key);
}
