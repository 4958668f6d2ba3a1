import { eq, inArray } from 'drizzle-orm';
import { ROLES, type Role } from '@poolgraph/auth';
import { isDuplicateKey } from '@poolgraph/platform';
import type { UsersDb, UsersQueryable, UsersTx } from '../db/index.ts';
import { users } from '../db/schema.ts';
import { insertContactChanged } from './outbox.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  externalId: string | null;
  phone: string | null;
  /** The user's own "require a second factor for payouts and API keys" setting. */
  requireSecondFactor: boolean;
  createdAt: Date;
}

export interface UserWithPassword extends UserRow {
  passwordHash: string;
}

/** The columns of a UserRow (everything but the password hash). */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  externalId: users.externalId,
  phone: users.phone,
  requireSecondFactor: users.requireSecondFactor,
  createdAt: users.createdAt,
};

const parseRoles = (stored: string): Role[] =>
  stored.split(',').filter((r): r is Role => ROLES.includes(r as Role));

export const toUserRow = <T extends { roles: string }>(
  row: T,
): Omit<T, 'roles'> & { roles: Role[] } => ({
  ...row,
  roles: parseRoles(row.roles),
});

/** selectUsersByIds: one query for any number of ids (the User loader's batch). */
export async function selectUsersByIds(
  db: UsersQueryable,
  ids: readonly string[],
): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(inArray(users.id, [...ids]));
  return rows.map(toUserRow);
}

/** selectUserCredentials: the row with its password hash, by id (a signed-in user's check). */
export async function selectUserCredentials(
  db: UsersQueryable,
  id: string,
): Promise<UserWithPassword | undefined> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row && toUserRow(row);
}

/** selectUserForLogin: the row with its password hash, by normalized email. */
export async function selectUserForLogin(
  db: UsersDb,
  email: string,
): Promise<UserWithPassword | undefined> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row && toUserRow(row);
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  externalId?: string | null;
}

/**
 * insertUser: returns false when the email (or external id) is taken. The account's address
 * goes out as a UserContactChanged event in the same transaction (a savepoint inside the
 * caller's).
 */
export async function insertUser(db: UsersQueryable, user: NewUser): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ ...user, roles: user.roles.join(',') });
      await insertContactChanged(tx, user);
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * lockUserCredentials: the row with its password hash, locked until the transaction ends,
 * so a session is only created for credentials that are still current.
 */
export async function lockUserCredentials(
  tx: UsersTx,
  id: string,
): Promise<UserWithPassword | undefined> {
  const [row] = await tx
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return row && toUserRow(row);
}

/** updateUserCredentials: sets a new password hash and role list (used by admin:create). */
export async function updateUserCredentials(
  db: UsersQueryable,
  id: string,
  changes: { passwordHash: string; roles: Role[] },
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: changes.passwordHash, roles: changes.roles.join(',') })
    .where(eq(users.id, id));
}

/** updateUserProfile: what a user may change about themself without proving anything more. */
export async function updateUserProfile(
  db: UsersQueryable,
  id: string,
  profile: { name: string; phone: string | null },
): Promise<void> {
  await db.update(users).set(profile).where(eq(users.id, id));
}

/** updateUserEmail: returns false when another account has the address; announces the new one. */
export async function updateUserEmail(
  db: UsersQueryable,
  id: string,
  email: string,
): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ email }).where(eq(users.id, id));
      await insertContactChanged(tx, { id, email });
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** updateUserSecondFactorRequirement: the user's own setting (see UserRow.requireSecondFactor). */
export async function updateUserSecondFactorRequirement(
  db: UsersQueryable,
  id: string,
  required: boolean,
): Promise<void> {
  await db.update(users).set({ requireSecondFactor: required }).where(eq(users.id, id));
}
