import { graphQLError, ErrorCode, retryPause } from '@poolgraph/platform';
import type { LedgerDb } from '../db/index.ts';
import type { PoolIdentity } from '../data/accounts.ts';
import { isDeadlock } from '@poolgraph/platform';
import { IdempotencyKeyTaken, selectIdempotencyKey } from '../data/idempotency.ts';
import { selectTransactionsByRequestId, type TransactionRow } from '../data/transactions.ts';
import { NothingPosted, postBatch, type BatchOutcome } from './batch.ts';
import type { PlannedTransaction, PoolBooks } from './model.ts';

/**
 * A pool's or member's first posting creates its account rows, which takes gap locks: many
 * first postings at once (a busy launch, an import) deadlock each other a few times over before
 * they all get through, so allow for it, with growing jittered pauses.
 */
export const MAX_DEADLOCK_RETRIES = 10;
/** Requests for one pool that wait while its previous batch commits are posted together. */
const MAX_BATCH = 100;

export interface PostingRequest {
  actorId: string;
  idempotencyKey: string;
  operation: string;
  /** Hash of the canonical request; a replay must match it. */
  requestHash: string;
  pool: PoolIdentity;
  /** The capital accounts the plan reads: these investors', or every one of the pool's. */
  investors: string[] | 'all';
  /** True for contributions: they open the investor's capital account when it is missing. */
  opensAccounts?: boolean;
  occurredAt?: Date;
  /** Decides the transactions from the locked books; throws (e.g. INSUFFICIENT_FUNDS) to refuse. */
  plan: (books: PoolBooks) => PlannedTransaction[];
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

export const idempotencyKeyReused = () =>
  graphQLError(
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This idempotencyKey was already used for a different request; use a new key.',
  );

interface Waiting {
  request: PostingRequest;
  resolve: (rows: TransactionRow[]) => void;
  reject: (error: unknown) => void;
}

/**
 * The posting engine. Requests for one pool queue in a lane: while a batch of that pool
 * commits, newcomers wait and then go together in the next MySQL transaction (group commit).
 * A hot pool thus pays its row lock and commit once per batch instead of once per request,
 * while every request keeps its own checks, idempotency key and result.
 */
export function createPoster(db: LedgerDb, onCommitted: () => void): Poster {
  const lanes = new Map<string, Waiting[]>();

  async function replay(actorId: string, key: string, hashFor: (currency: string) => string) {
    const recorded = await selectIdempotencyKey(db, actorId, key);
    if (!recorded) return null;
    if (recorded.requestHash !== hashFor(recorded.currency)) throw idempotencyKeyReused();
    return selectTransactionsByRequestId(db, recorded.id);
  }

  /** A refused request whose key was recorded before is a replay: it answers with the original. */
  async function refuse(waiting: Waiting, refusal: unknown): Promise<void> {
    const { actorId, idempotencyKey, requestHash } = waiting.request;
    try {
      const original = await replay(actorId, idempotencyKey, () => requestHash);
      if (original) return waiting.resolve(original);
      waiting.reject(refusal);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function settle(batch: Waiting[], outcomes: BatchOutcome[]): Promise<void> {
    const refusals: Array<Promise<void>> = [];
    outcomes.forEach((outcome, n) => {
      const waiting = batch[n]!;
      if (outcome.kind === 'posted') return waiting.resolve(outcome.rows);
      if (outcome.kind === 'refused') return void refusals.push(refuse(waiting, outcome.error));
      const original = batch[outcome.index]!.request;
      const posted = outcomes[outcome.index]!;
      if (original.requestHash !== waiting.request.requestHash || posted.kind !== 'posted') {
        return waiting.reject(idempotencyKeyReused());
      }
      waiting.resolve(posted.rows);
    });
    await Promise.all(refusals);
  }

  /** After IdempotencyKeyTaken: requests whose key is now recorded are answered as replays. */
  async function answerReplays(batch: Waiting[]): Promise<Waiting[]> {
    const remaining: Waiting[] = [];
    for (const waiting of batch) {
      const { actorId, idempotencyKey, requestHash } = waiting.request;
      try {
        const original = await replay(actorId, idempotencyKey, () => requestHash);
        if (original) waiting.resolve(original);
        else remaining.push(waiting);
      } catch (error) {
        waiting.reject(error);
      }
    }
    return remaining;
  }

  async function run(batch: Waiting[]): Promise<void> {
    for (let attempt = 1; batch.length > 0; attempt++) {
      try {
        const outcomes = await db.transaction((tx) =>
          postBatch(
            tx,
            batch.map((w) => w.request),
          ),
        );
        onCommitted();
        return settle(batch, outcomes);
      } catch (error) {
        if (error instanceof NothingPosted) return settle(batch, error.outcomes);
        const retryable = error instanceof IdempotencyKeyTaken || isDeadlock(error);
        if (!retryable || attempt >= MAX_DEADLOCK_RETRIES) {
          for (const waiting of batch) waiting.reject(error);
          return;
        }
        if (error instanceof IdempotencyKeyTaken) batch = await answerReplays(batch);
        await retryPause(attempt);
      }
    }
  }

  async function drain(poolId: string, lane: Waiting[]): Promise<void> {
    while (lane.length > 0) await run(lane.splice(0, MAX_BATCH));
    lanes.delete(poolId);
  }

  return {
    replay,
    post(request) {
      return new Promise<TransactionRow[]>((resolve, reject) => {
        const poolId = request.pool.poolId;
        const lane = lanes.get(poolId);
        if (lane) return void lane.push({ request, resolve, reject });
        const fresh: Waiting[] = [{ request, resolve, reject }];
        lanes.set(poolId, fresh);
        drain(poolId, fresh).catch((error: unknown) => {
          for (const waiting of fresh.splice(0)) waiting.reject(error);
          lanes.delete(poolId);
        });
      });
    },
  };
}
