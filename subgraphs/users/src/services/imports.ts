import { createHash } from 'node:crypto';
import { requireRole, type Role } from '@poolgraph/auth';
import { badUserInput, uuidv7 } from '@poolgraph/platform';
import type { Context } from '../context.ts';
import { insertImportedUsers, selectUsersByExternalIds } from '../data/importedUsers.ts';
import type { UserRow } from '../data/users.ts';

export const MAX_IMPORTED_USERS = 10_000;
const EXTERNAL_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * importUsers (ADMIN): the accounts for these external ids (the ids records had in an
 * imported dataset), creating the missing ones with `role` and no password. Their email is
 * derived from the external id (`imported+<hash>@import.poolgraph.invalid`, a reserved domain)
 * and their name is "Imported investor <id>" (or manager). Idempotent: a second call returns
 * the same accounts. The external id's case matters ("A1" and "a1" are two records).
 */
export async function importUsers(
  context: Context,
  args: { externalIds: readonly string[]; role?: Role | null },
): Promise<UserRow[]> {
  requireRole(context.viewer, 'ADMIN');
  const role = args.role ?? 'INVESTOR';
  if (role !== 'INVESTOR' && role !== 'MANAGER') {
    throw badUserInput('role', `imported accounts are INVESTOR or MANAGER, not ${role}.`);
  }
  const ids = [...new Set(args.externalIds)];
  if (ids.length > MAX_IMPORTED_USERS) {
    throw badUserInput('externalIds', `at most ${MAX_IMPORTED_USERS} per call, got ${ids.length}.`);
  }
  const bad = ids.find((id) => !EXTERNAL_ID.test(id));
  if (bad !== undefined) {
    throw badUserInput(
      'externalIds',
      `"${bad.slice(0, 80)}" is not 1 to 64 printable ASCII characters.`,
    );
  }
  const found = await selectUsersByExternalIds(context.db, ids);
  const known = new Set(found.map((u) => u.externalId));
  const label = role === 'MANAGER' ? 'manager' : 'investor';
  await insertImportedUsers(
    context.db,
    ids
      .filter((id) => !known.has(id))
      .map((externalId) => ({
        id: uuidv7(),
        email: `imported+${createHash('sha256').update(externalId).digest('hex').slice(0, 24)}@import.poolgraph.invalid`,
        name: `Imported ${label} ${externalId}`,
        role,
        externalId,
      })),
  );
  const all = known.size === ids.length ? found : await selectUsersByExternalIds(context.db, ids);
  const byExternalId = new Map(all.map((u) => [u.externalId, u]));
  return ids.flatMap((id) => byExternalId.get(id) ?? []);
}
