import { and, eq, sql } from 'drizzle-orm';
import type { LedgerQueryable } from '../db/index.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { isDuplicateKey } from '@poolgraph/platform';
import { insertRows, list } from './rows.ts';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyRow = typeof idempotencyKeys.$inferInsert;

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
    .where(and(eq(idempotencyKeys.idempotencyKey, key), eq(idempotencyKeys.actorId, actorId)))
    .limit(1);
  return row;
}

/** selectIdempotencyKeys: one actor's requests for many keys (the bulk path), one query. */
export async function selectIdempotencyKeys(
  db: LedgerQueryable,
  actorId: string,
  keys: readonly string[],
): Promise<IdempotencyRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.actorId, actorId),
        sql`${idempotencyKeys.idempotencyKey} IN (${list(keys)})`,
      ),
    );
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
      ['actor_id', 'idempotency_key', 'id', 'operation', 'request_hash', 'currency'],
      rows.map((r) => [r.actorId, r.idempotencyKey, r.id, r.operation, r.requestHash, r.currency]),
    );
  } catch (error) {
    if (isDuplicateKey(error)) throw new IdempotencyKeyTaken();
    throw error;
  }
}
