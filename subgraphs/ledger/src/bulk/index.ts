import { ErrorCode, isDeadlock, retryPause, uuidv7 } from '@poolgraph/platform';
import type { LedgerDb, LedgerTx } from '../db/index.ts';
import {
  accountKey,
  lockInvestorAccounts,
  lockPoolAccounts,
  updateInvestorAccounts,
  updatePoolAccounts,
} from '../data/accounts.ts';
import {
  IdempotencyKeyTaken,
  insertIdempotencyKeys,
  selectIdempotencyKeys,
  type NewIdempotencyRow,
} from '../data/idempotency.ts';
import { selectTransactionIdsByRequestIds } from '../data/transactions.ts';
import { MAX_DEADLOCK_RETRIES } from '../posting/engine.ts';
import { Journal } from '../posting/journal.ts';
import type { PoolBooks } from '../posting/model.ts';
import { planContribution } from '../posting/plans.ts';
import { requestHash } from '../services/requests.ts';
import { problemWith, type BulkContribution } from './validate.ts';

export type { BulkContribution } from './validate.ts';

export type BulkOutcome =
  | { status: 'POSTED' | 'REPLAYED'; transactionId: string }
  | { status: 'REJECTED'; code: string; message: string };

export interface BulkOptions {
  /** Who posts (the idempotency scope), e.g. the importing admin's user id. */
  actorId: string;
  /** Items per MySQL transaction (default 2000). */
  chunkSize?: number;
  /** Called after each committed chunk (the service passes its relay's notify). */
  onCommitted?: () => void;
}

const OPERATION = 'importContribution';
type Pending = { index: number; item: BulkContribution; hash: string };

/**
 * Posts many contributions with the guarantees of the single path: per item idempotency
 * (a replay answers with the original transaction; a reused key with another payload is
 * rejected), balances locked and updated in the transaction that writes the entries, and one
 * TransactionPosted outbox event per transaction. Each chunk is one MySQL transaction with one
 * multi-row statement per table. Outcomes are in the order of `items`; invalid items are
 * rejected without writing anything and never stop the others.
 */
export async function postContributionsInBulk(
  db: LedgerDb,
  items: readonly BulkContribution[],
  options: BulkOptions,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  const chunkSize = options.chunkSize ?? 2000;
  for (let start = 0; start < items.length; start += chunkSize) {
    const chunk: Pending[] = [];
    for (let index = start; index < Math.min(items.length, start + chunkSize); index++) {
      const item = items[index]!;
      const problem = problemWith(item);
      if (problem)
        outcomes[index] = { status: 'REJECTED', code: ErrorCode.BAD_USER_INPUT, message: problem };
      else chunk.push({ index, item, hash: hashOf(item) });
    }
    await withRetries(() =>
      db.transaction((tx) => postChunk(tx, chunk, options.actorId, outcomes)),
    );
    options.onCommitted?.();
  }
  return outcomes;
}

const hashOf = (item: BulkContribution) =>
  requestHash({
    operation: OPERATION,
    poolId: item.poolId,
    investorId: item.investorId,
    amountMinor: item.amountMinor,
    occurredAt: item.occurredAt,
  });

const reused = (): BulkOutcome => ({
  status: 'REJECTED',
  code: ErrorCode.IDEMPOTENCY_KEY_REUSED,
  message: 'idempotencyKey: already used for a different contribution.',
});

async function withRetries(run: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      // A concurrent run claimed some keys first: rerun the chunk, which now replays them.
      const retryable = error instanceof IdempotencyKeyTaken || isDeadlock(error);
      if (!retryable || attempt >= MAX_DEADLOCK_RETRIES) throw error;
      await retryPause(attempt);
    }
  }
}

async function postChunk(tx: LedgerTx, chunk: Pending[], actorId: string, outcomes: BulkOutcome[]) {
  // Keys recorded before: replays or reuse.
  const recorded = new Map(
    (
      await selectIdempotencyKeys(tx, actorId, [
        ...new Set(chunk.map((p) => p.item.idempotencyKey)),
      ])
    ).map((row) => [row.idempotencyKey, row]),
  );
  const replayIds = await selectTransactionIdsByRequestIds(
    tx,
    [...recorded.values()].map((r) => r.id),
  );
  const firstByKey = new Map<string, Pending>();
  const duplicates: Pending[] = [];
  const toPost: Pending[] = [];
  for (const pending of chunk) {
    const key = pending.item.idempotencyKey;
    const earlier = recorded.get(key);
    if (earlier) {
      const transactionId = replayIds.get(earlier.id)?.[0];
      outcomes[pending.index] =
        earlier.requestHash === pending.hash && transactionId
          ? { status: 'REPLAYED', transactionId }
          : reused();
    } else if (firstByKey.has(key)) {
      duplicates.push(pending);
    } else {
      firstByKey.set(key, pending);
      toPost.push(pending);
    }
  }
  if (toPost.length > 0) await post(tx, toPost, actorId, outcomes);
  for (const pending of duplicates) {
    const first = firstByKey.get(pending.item.idempotencyKey)!;
    const original = outcomes[first.index];
    outcomes[pending.index] =
      first.hash === pending.hash && original?.status === 'POSTED'
        ? { status: 'REPLAYED', transactionId: original.transactionId }
        : reused();
  }
}

async function post(tx: LedgerTx, toPost: Pending[], actorId: string, outcomes: BulkOutcome[]) {
  const pools = await lockPoolAccounts(
    tx,
    toPost.map(({ item }) => ({
      poolId: item.poolId,
      currency: item.currency,
      managerId: item.managerId,
    })),
  );
  const accepted = toPost.filter(({ index, item }) => {
    const pool = pools.get(item.poolId)!;
    if (pool.currency === item.currency) return true;
    outcomes[index] = {
      status: 'REJECTED',
      code: ErrorCode.CONFLICT,
      message: `currency: the ledger holds pool ${item.poolId} in ${pool.currency}, not ${item.currency}.`,
    };
    return false;
  });
  if (accepted.length === 0) return;
  const investors = await lockInvestorAccounts(
    tx,
    accepted.map(({ item }) => ({
      poolId: item.poolId,
      investorId: item.investorId,
      currency: item.currency,
    })),
  );
  const requests: NewIdempotencyRow[] = accepted.map(({ item, hash }) => ({
    actorId,
    idempotencyKey: item.idempotencyKey,
    id: uuidv7(),
    operation: OPERATION,
    requestHash: hash,
    currency: item.currency,
  }));
  await insertIdempotencyKeys(tx, requests);

  const books = new Map<string, PoolBooks>();
  for (const [poolId, pool] of pools)
    books.set(poolId, { pool: { ...pool }, investors: new Map() });
  for (const account of investors.values())
    books.get(account.poolId)!.investors.set(account.investorId, { ...account });
  const journal = new Journal();
  const createdAt = new Date();
  accepted.forEach(({ index, item }, n) => {
    const [planned] = planContribution(item.investorId, item.amountMinor);
    const row = journal.record(books.get(item.poolId)!, planned!, {
      requestId: requests[n]!.id,
      occurredAt: item.occurredAt,
      createdAt,
    });
    outcomes[index] = { status: 'POSTED', transactionId: row.id };
  });
  await journal.write(tx);
  const movedPools = new Set(accepted.map(({ item }) => item.poolId));
  const moved = new Set(accepted.map(({ item }) => accountKey(item.poolId, item.investorId)));
  const poolBooks = [...books.values()].filter((b) => movedPools.has(b.pool.poolId));
  await updatePoolAccounts(
    tx,
    poolBooks.map((b) => b.pool),
  );
  await updateInvestorAccounts(
    tx,
    poolBooks
      .flatMap((b) => [...b.investors.values()])
      .filter((a) => moved.has(accountKey(a.poolId, a.investorId))),
  );
}
