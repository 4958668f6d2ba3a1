import { MAX_DELEGATED_POOLS } from '@poolgraph/auth';
import { badUserInput, isUuid } from '@poolgraph/platform';

const MAX_NAME_LENGTH = 100;
const MAX_NOTE_LENGTH = 500;
/** An expiry closer than this is a mistake (the key would die before it is set up). */
const MIN_LIFETIME_MS = 60_000;

export function validateKeyName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badUserInput('name', 'give the key a name (who or what uses it).');
  if (/\p{Cc}/u.test(trimmed)) throw badUserInput('name', 'must not contain control characters.');
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw badUserInput('name', `at most ${MAX_NAME_LENGTH} characters, got ${trimmed.length}.`);
  }
  return trimmed;
}

/** A note is free text of a few lines: empty means none. */
export function validateNote(note: string | null | undefined, field = 'note'): string | null {
  const trimmed = note?.trim() ?? '';
  if (!trimmed) return null;
  // Line breaks are kept (a note may list a contact and a purpose); other controls are not.
  if (/[^\P{Cc}\n]/u.test(trimmed)) {
    throw badUserInput(field, 'must not contain control characters other than line breaks.');
  }
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw badUserInput(field, `at most ${MAX_NOTE_LENGTH} characters, got ${trimmed.length}.`);
  }
  return trimmed;
}

/** An expiry is optional; when given it is at least a minute ahead. */
export function validateExpiry(
  expiresAt: Date | null | undefined,
  now: Date,
  field = 'expiresAt',
): Date | null {
  if (expiresAt == null) return null;
  if (expiresAt.getTime() < now.getTime() + MIN_LIFETIME_MS) {
    throw badUserInput(field, 'must be at least a minute in the future (or left out: no expiry).');
  }
  return expiresAt;
}

/**
 * A delegated key's pools: absent or null means all of the manager's pools (later ones too);
 * a list names 1 to 100 distinct pool ids. Whether they are the issuer's is checked with pools.
 */
export function validatePoolIds(
  poolIds: readonly string[] | null | undefined,
  field = 'poolIds',
): string[] | null {
  if (poolIds == null) return null;
  if (poolIds.length === 0) {
    throw badUserInput(field, 'name at least one pool, or leave it out for all your pools.');
  }
  if (poolIds.length > MAX_DELEGATED_POOLS) {
    throw badUserInput(field, `at most ${MAX_DELEGATED_POOLS} pools, got ${poolIds.length}.`);
  }
  const seen = new Set<string>();
  for (const id of poolIds) {
    if (!isUuid(id)) throw badUserInput(field, `"${id.slice(0, 40)}" is not a pool id.`);
    if (seen.has(id)) throw badUserInput(field, `${id} is listed twice.`);
    seen.add(id);
  }
  return [...seen];
}
