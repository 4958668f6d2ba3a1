import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { insertRows, isDuplicateKey, tableRows } from '@poolgraph/platform';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyRow = Omit<typeof idempotencyKeys.$inferInsert, 'keyHash'>;

/** The lookup column: keys compare as exact UTF-8 bytes (see the schema). */
export const keyHashOf = (key: string): string =>
  createHash('sha256').update(key, 'utf8').digest('hex');

/** Raised inside a posting transaction when another request already holds the key. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key already used');
  }
}

/** selectIdempotencyKey: the request recorded under (actor, key), if any. */
export async function selectIdempotencyKey(
  db: LedgerQueryable,
  actorId: string,
  key: string,
): Promise<IdempotencyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.keyHash, keyHashOf(key)), eq(idempotencyKeys.actorId, actorId)))
    .limit(1);
  return row;
}

const idempotencyRows = tableRows(idempotencyKeys);

/** selectIdempotencyKeys: the requests recorded under many (actor, key) pairs, one query. */
export async function selectIdempotencyKeys(
  db: LedgerQueryable,
  pairs: ReadonlyArray<{ actorId: string; idempotencyKey: string }>,
): Promise<IdempotencyRow[]> {
  if (pairs.length === 0) return [];
  const hashes = [...new Set(pairs.map((p) => keyHashOf(p.idempotencyKey)))];
  const actors = [...new Set(pairs.map((p) => p.actorId))];
  const rows = await idempotencyRows.select(db, 'WHERE key_hash IN (?) AND actor_id IN (?)', [
    hashes,
    actors,
  ]);
  const wanted = new Set(pairs.map((p) => `${p.actorId}:${keyHashOf(p.idempotencyKey)}`));
  return rows.filter((r) => wanted.has(`${r.actorId}:${r.keyHash}`));
}

/**
 * insertIdempotencyKeys: claims keys for this transaction. A key held by an uncommitted
 * request makes this wait for it; if that one commits, this throws IdempotencyKeyTaken.
 */
export async function insertIdempotencyKeys(
  db: LedgerQueryable,
  rows: NewIdempotencyRow[],
): Promise<void> {
  if (rows.length === 0) return;
  try {
    await insertRows(
      db,
      'idempotency_keys',
      ['actor_id', 'key_hash', 'idempotency_key', 'id', 'operation', 'request_hash', 'currency'],
      rows.map((r) => [
        r.actorId,
        keyHashOf(r.idempotencyKey),
        r.idempotencyKey,
        r.id,
        r.operation,
        r.requestHash,
        r.currency,
      ]),
    );
  } catch (error) {
    if (isDuplicateKey(error)) throw new IdempotencyKeyTaken();
    throw error;
  }
}
