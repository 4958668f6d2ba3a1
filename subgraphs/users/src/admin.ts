import { uuidv7, type SessionRevocations } from '@poolgraph/platform';
import type { UsersDb } from './db/index.ts';
import { insertUser, selectUserForLogin, type UserRow } from './data/users.ts';
import { changeCredentials } from './auth/credentials.ts';
import { hashPassword } from './auth/passwords.ts';
import { validateEmail, validateName, validatePassword } from './auth/validation.ts';

/**
 * Creates an ADMIN, or promotes an existing account (keeping its other roles) and sets its
 * password. Idempotent: running it again changes nothing but the password hash. Changing an
 * existing account's credentials ends all its sessions, so `revocations` is needed then.
 */
export async function upsertAdmin(
  db: UsersDb,
  input: { email: string; password: string; name?: string },
  revocations?: SessionRevocations,
): Promise<{ user: Pick<UserRow, 'id' | 'email'>; created: boolean }> {
  const email = validateEmail(input.email, '--email');
  const passwordHash = await hashPassword(validatePassword(input.password, '--password'));
  const existing = await selectUserForLogin(db, email);
  if (existing) {
    const roles = existing.roles.includes('ADMIN')
      ? existing.roles
      : [...existing.roles, 'ADMIN' as const];
    if (!revocations) throw new Error(`${email} exists: changing it needs the revocation list.`);
    await changeCredentials(db, revocations, existing.id, { passwordHash, roles });
    return { user: { id: existing.id, email }, created: false };
  }
  const id = uuidv7();
  const name = validateName(input.name ?? 'Administrator', '--name');
  if (!(await insertUser(db, { id, email, name, passwordHash, roles: ['ADMIN'] }))) {
    // Lost a race with a concurrent creation of the same email: promote that one instead.
    return upsertAdmin(db, input, revocations);
  }
  return { user: { id, email }, created: true };
}
