import { inArray, sql } from 'drizzle-orm';
import type { Role } from '@poolgraph/auth';
import type { UsersQueryable } from '../db/index.ts';
import { users } from '../db/schema.ts';
import { toUserRow, userColumns, type UserRow } from './users.ts';

/**
 * Accounts created for records of an imported dataset. They have no password (the stored hash
 * is not an argon2 hash, so every log-in fails like a wrong password) until an admin promotes
 * one with admin:create.
 */
export const NO_PASSWORD = '!imported';

export interface NewImportedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  externalId: string;
}

/**
 * insertImportedUsers: one multi-row insert; an external id (or email) that exists already is
 * left exactly as it is, so concurrent or repeated imports create each record once.
 */
export async function insertImportedUsers(db: UsersQueryable, rows: readonly NewImportedUser[]) {
  if (rows.length === 0) return;
  await db
    .insert(users)
    .values(
      rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        passwordHash: NO_PASSWORD,
        roles: r.role,
        externalId: r.externalId,
      })),
    )
    .onDuplicateKeyUpdate({ set: { id: sql`${users.id}` } });
}

/** selectUsersByExternalIds: the accounts holding these external ids. */
export async function selectUsersByExternalIds(
  db: UsersQueryable,
  externalIds: readonly string[],
): Promise<UserRow[]> {
  if (externalIds.length === 0) return [];
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(inArray(users.externalId, [...externalIds]));
  return rows.map(toUserRow);
}
