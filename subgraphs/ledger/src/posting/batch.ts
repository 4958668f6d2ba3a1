import { conflict, uuidv7 } from '@poolgraph/platform';
import type { LedgerTx } from '../db/index.ts';
import {
  lockAllInvestorAccounts,
  lockInvestorAccounts,
  lockPoolAccounts,
  updateInvestorAccounts,
  updatePoolAccounts,
} from '../data/accounts.ts';
import { insertIdempotencyKeys, type NewIdempotencyRow } from '../data/idempotency.ts';
import type { TransactionRow } from '../data/transactions.ts';
import type { PostingRequest } from './engine.ts';
import { Journal } from './journal.ts';
import type { PoolBooks } from './model.ts';

/** What became of one request of a batch. */
export type BatchOutcome =
  | { kind: 'posted'; rows: TransactionRow[] }
  | { kind: 'refused'; error: unknown }
  /** Same actor and key as an earlier request of this batch: answered like a replay of it. */
  | { kind: 'sameKeyAs'; index: number };

const keyOf = (r: PostingRequest) => `${r.actorId}\u0000${r.idempotencyKey}`;

/** Every request of the batch was refused: thrown so the transaction rolls back (nothing written). */
export class NothingPosted extends Error {
  constructor(readonly outcomes: BatchOutcome[]) {
    super('every request of the batch was refused');
  }
}

/**
 * Posts requests for one pool in one MySQL transaction: the pool's cash row is locked once,
 * then the capital accounts any of them reads; each request is planned in turn against the
 * books as the earlier ones left them, so a refused request (INSUFFICIENT_FUNDS) changes
 * nothing and later ones see exactly the cash there is. Keys, journal and balances are written
 * with one statement per table. A key another transaction committed first makes the insert
 * throw IdempotencyKeyTaken, and the caller retries the batch as replays.
 */
export async function postBatch(
  tx: LedgerTx,
  batch: readonly PostingRequest[],
): Promise<BatchOutcome[]> {
  const first = batch[0]!;
  const poolId = first.pool.poolId;
  const poolRow = (await lockPoolAccounts(tx, [first.pool])).get(poolId)!;
  const named = (opening: boolean) => [
    ...new Set(
      batch.flatMap((r) =>
        r.investors === 'all' || (r.opensAccounts ?? false) !== opening ? [] : r.investors,
      ),
    ),
  ];
  const key = (investorId: string) => ({ poolId, investorId, currency: poolRow.currency });
  // Contributions open capital accounts; other movements only read existing ones.
  const accounts = [
    ...(await lockInvestorAccounts(tx, named(true).map(key))).values(),
    ...(await lockInvestorAccounts(tx, named(false).map(key), { create: false })).values(),
  ];
  const all = batch.some((r) => r.investors === 'all')
    ? await lockAllInvestorAccounts(tx, poolId)
    : [];
  const books: PoolBooks = {
    pool: { ...poolRow, managerId: batch[batch.length - 1]!.pool.managerId },
    investors: new Map([...accounts, ...all].map((row) => [row.investorId, { ...row }])),
  };

  const journal = new Journal();
  const now = new Date();
  const keys: NewIdempotencyRow[] = [];
  const postedByKey = new Map<string, number>();
  const outcomes = batch.map((request, index): BatchOutcome => {
    const earlier = postedByKey.get(keyOf(request));
    if (earlier !== undefined) return { kind: 'sameKeyAs', index: earlier };
    try {
      if (request.pool.currency !== poolRow.currency) {
        throw conflict(
          `The ledger holds this pool in ${poolRow.currency}, not ${request.pool.currency}.`,
        );
      }
      const planned = request.plan(books); // throws before touching the books
      const requestId = uuidv7();
      const meta = { requestId, occurredAt: request.occurredAt ?? now, createdAt: now };
      const rows = planned.map((p) => journal.record(books, p, meta));
      keys.push({
        actorId: request.actorId,
        idempotencyKey: request.idempotencyKey,
        id: requestId,
        operation: request.operation,
        requestHash: request.requestHash,
        currency: poolRow.currency,
      });
      postedByKey.set(keyOf(request), index);
      return { kind: 'posted', rows };
    } catch (error) {
      return { kind: 'refused', error };
    }
  });
  if (keys.length === 0) throw new NothingPosted(outcomes);

  await insertIdempotencyKeys(tx, keys);
  await journal.write(tx);
  await updatePoolAccounts(tx, [books.pool]);
  const moved = new Set(journal.entries.map((entry) => entry.investorId));
  await updateInvestorAccounts(
    tx,
    [...books.investors.values()].filter((a) => moved.has(a.investorId)),
  );
  return outcomes;
}
