import { graphQLError, ErrorCode, isDeadlock, retryTransaction } from '@poolgraph/platform';
import type { LedgerDb } from '../db/index.ts';
import { IdempotencyKeyTaken, selectIdempotencyKey } from '../data/idempotencyKeys.ts';
import { selectTransactionsByRequestIds, type TransactionRow } from '../data/transactions.ts';
import { NothingPosted, postBatch, type BatchOutcome } from './pipeline.ts';
import type { PostingRequest } from './movement.ts';

/**
 * A pool's or member's first posting creates its account rows, which takes gap locks: many
 * first postings at once (a busy launch, an import) deadlock each other a few times over before
 * they all get through, so allow for it, with growing jittered pauses. A key committed by a
 * concurrent request (IdempotencyKeyTaken) also reruns the batch, which then replays it.
 */
export const MAX_POSTING_ATTEMPTS = 10;
/** Requests for one pool that wait while its previous batch commits are posted together. */
const MAX_BATCH = 100;

export const idempotencyKeyReused = () =>
  graphQLError(
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This idempotencyKey was already used for a different request; use a new key.',
  );

/**
 * Runs the posting pipeline in one MySQL transaction, rerun whole on a deadlock or a key taken
 * meanwhile. Outcomes are in the order of `requests`; nothing is written when none posts.
 * `keysFirst: false` (the online lanes, whose requests are almost never replays) skips the
 * read of recorded keys: a recorded key then fails the key insert, and the rerun reads them
 * first. The bulk path reads them first while its chunks meet recorded keys (an import run
 * again).
 */
export async function postInTransaction(
  db: LedgerDb,
  requests: readonly PostingRequest[],
  { keysFirst = true }: { keysFirst?: boolean } = {},
): Promise<BatchOutcome[]> {
  let readKeys = keysFirst;
  try {
    return await retryTransaction(() => db.transaction((tx) => postBatch(tx, requests, readKeys)), {
      attempts: MAX_POSTING_ATTEMPTS,
      retryable: (error) => {
        if (!(error instanceof IdempotencyKeyTaken)) return isDeadlock(error);
        readKeys = true;
        return true;
      },
    });
  } catch (error) {
    if (error instanceof NothingPosted) return error.outcomes;
    throw error;
  }
}

export interface Poster {
  /** Posts atomically: key, balances, transactions, entries and events in one MySQL transaction. */
  post(request: PostingRequest): Promise<TransactionRow[]>;
  /**
   * The original result when (actor, key) was used before, null otherwise. `hashFor` computes
   * this request's hash in the recorded request's currency; a different hash is
   * IDEMPOTENCY_KEY_REUSED.
   */
  replay(
    actorId: string,
    key: string,
    hashFor: (currency: string) => string,
  ): Promise<TransactionRow[] | null>;
}

interface Waiting {
  request: PostingRequest;
  resolve: (rows: TransactionRow[]) => void;
  reject: (error: unknown) => void;
}

function settle(waiting: Waiting, outcome: BatchOutcome): void {
  if (outcome.kind === 'posted' || outcome.kind === 'replayed') waiting.resolve(outcome.rows);
  else if (outcome.kind === 'reused') waiting.reject(idempotencyKeyReused());
  else waiting.reject(outcome.error);
}

/**
 * The online posting engine. Requests for one pool queue in a lane: while a batch of that pool
 * commits, newcomers wait and then go together in the next MySQL transaction (group commit).
 * A hot pool thus pays its row lock and commit once per batch instead of once per request,
 * while every request keeps its own checks, idempotency key and result.
 */
export function createPoster(db: LedgerDb, onCommitted: () => void): Poster {
  const lanes = new Map<string, Waiting[]>();

  async function run(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await postInTransaction(
        db,
        batch.map((w) => w.request),
        { keysFirst: false },
      );
      if (outcomes.some((o) => o.kind === 'posted')) onCommitted();
      outcomes.forEach((outcome, n) => settle(batch[n]!, outcome));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  async function drain(poolId: string, lane: Waiting[]): Promise<void> {
    while (lane.length > 0) await run(lane.splice(0, MAX_BATCH));
    lanes.delete(poolId);
  }

  return {
    async replay(actorId, key, hashFor) {
      const recorded = await selectIdempotencyKey(db, actorId, key);
      if (!recorded) return null;
      if (recorded.requestHash !== hashFor(recorded.currency)) throw idempotencyKeyReused();
      return (await selectTransactionsByRequestIds(db, [recorded.id])).get(recorded.id) ?? [];
    },
    post(request) {
      return new Promise<TransactionRow[]>((resolve, reject) => {
        const poolId = request.pool.poolId;
        const lane = lanes.get(poolId);
        if (lane) return void lane.push({ request, resolve, reject });
        const fresh: Waiting[] = [{ request, resolve, reject }];
        lanes.set(poolId, fresh);
        void drain(poolId, fresh);
      });
    },
  };
}
