import { and, desc, gt, isNull, ne, or } from 'drizzle-orm';
import { sealValue, type Keyring } from '@poolgraph/platform';
import type { UsersDb, UsersQueryable } from '../db/index.ts';
import { signingKeys } from '../db/schema.ts';
import { SEALED } from './sealedColumns.ts';

/** A row as stored: `privateJwk` is sealed (or plaintext from before sealing; openValue reads both). */
export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** selectPublishedSigningKeys: keys not yet retired at `now` (some may not sign yet), newest first. */
export async function selectPublishedSigningKeys(
  db: UsersDb,
  now = new Date(),
): Promise<SigningKeyRow[]> {
  return db
    .select()
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, now)))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
}

/** insertSigningKey: the private JWK is sealed for this kid before it is written. */
export async function insertSigningKey(
  db: UsersQueryable,
  ring: Keyring,
  key: { kid: string; privateJwk: string; publicJwk: string; activatesAt?: Date },
): Promise<void> {
  const privateJwk = await sealValue(ring, SEALED.signingKeyPrivateJwk, key.kid, key.privateJwk);
  await db.insert(signingKeys).values({ ...key, privateJwk });
}

/** scheduleRetirementOfOtherKeys: every unretired key but `kid` retires at `at`. */
export async function scheduleRetirementOfOtherKeys(
  db: UsersQueryable,
  kid: string,
  at: Date,
): Promise<number> {
  const [result] = await db
    .update(signingKeys)
    .set({ retiredAt: at })
    .where(and(ne(signingKeys.kid, kid), isNull(signingKeys.retiredAt)));
  return result.affectedRows;
}
