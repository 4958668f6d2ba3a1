import { badUserInput, ErrorCode, isUuid } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import type { LedgerDb } from '../db/index.ts';
import { postInTransaction } from '../movements/lanes.ts';
import type { PostingRequest } from '../movements/movement.ts';
import {
  checkAmountMinor,
  checkIdempotencyKey,
  checkOccurredAt,
  requestHash,
} from '../movements/inputs.ts';

/** One contribution for the bulk path: already parsed, with the pool facts the caller holds. */
export interface BulkContribution {
  /** Unique per actor: the same key with the same payload again is a replay. */
  idempotencyKey: string;
  poolId: string;
  /** The pool's currency; must agree with the ledger's record of the pool. */
  currency: string;
  /** The pool's manager, recorded when the ledger first sees the pool. */
  managerId: string;
  investorId: string;
  /** Minor units of `currency`, positive. */
  amountMinor: bigint;
  occurredAt: Date;
}

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

/** The item as a posting request, or why it cannot be one (checked before anything is locked). */
function requestOf(item: BulkContribution, actorId: string): PostingRequest | BulkOutcome {
  try {
    checkIdempotencyKey(item.idempotencyKey);
    for (const field of ['poolId', 'investorId', 'managerId'] as const) {
      if (!isUuid(item[field])) throw badUserInput(field, 'is not a UUID.');
    }
    checkAmountMinor(item.amountMinor, item.currency);
    checkOccurredAt(item.occurredAt);
  } catch (error) {
    return rejected(error);
  }
  return {
    actorId,
    idempotencyKey: item.idempotencyKey,
    operation: OPERATION,
    requestHash: requestHash({
      operation: OPERATION,
      poolId: item.poolId,
      investorId: item.investorId,
      amountMinor: item.amountMinor,
      occurredAt: item.occurredAt,
    }),
    pool: { poolId: item.poolId, currency: item.currency, managerId: item.managerId },
    moves: 'CONTRIBUTION',
    investorId: item.investorId,
    amountMinor: item.amountMinor,
    occurredAt: item.occurredAt,
    expiresAt: null,
    imported: true,
  };
}

function rejected(error: unknown): BulkOutcome {
  if (!(error instanceof GraphQLError)) throw error;
  const code = error.extensions.code;
  return {
    status: 'REJECTED',
    code: typeof code === 'string' ? code : ErrorCode.BAD_USER_INPUT,
    message: error.message,
  };
}

/**
 * Posts many contributions through the one posting pipeline (the online path's, see
 * movements/pipeline.ts), a chunk per MySQL transaction: per-item idempotency (a replay answers with
 * the original transaction; a reused key with another payload is rejected), balances locked and
 * updated with the entries, one TransactionPosted event per transaction, and the same limits and
 * ceilings. Outcomes are in the order of `items`; a rejected item never stops the others.
 */
export async function postContributionsInBulk(
  db: LedgerDb,
  items: readonly BulkContribution[],
  options: BulkOptions,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  const chunkSize = options.chunkSize ?? 2000;
  // Recorded keys are read first while the last chunk met some (an import run again); a fresh
  // import skips that read, and a chunk that does meet one is rerun with it (postInTransaction).
  let keysFirst = true;
  for (let start = 0; start < items.length; start += chunkSize) {
    const requests: PostingRequest[] = [];
    const indexes: number[] = [];
    for (let index = start; index < Math.min(items.length, start + chunkSize); index++) {
      const request = requestOf(items[index]!, options.actorId);
      if ('requestHash' in request) {
        requests.push(request);
        indexes.push(index);
      } else outcomes[index] = request;
    }
    if (requests.length === 0) continue;
    const results = await postInTransaction(db, requests, { keysFirst });
    keysFirst = results.some((r) => r.kind === 'replayed' || r.kind === 'reused');
    results.forEach((result, n) => {
      const index = indexes[n]!;
      if (result.kind === 'posted' || result.kind === 'replayed') {
        const transactionId = result.rows[0]?.id;
        outcomes[index] = transactionId
          ? { status: result.kind === 'posted' ? 'POSTED' : 'REPLAYED', transactionId }
          : rejected(new GraphQLError('the recorded request has no transaction'));
      } else if (result.kind === 'reused') {
        outcomes[index] = {
          status: 'REJECTED',
          code: ErrorCode.IDEMPOTENCY_KEY_REUSED,
          message: 'idempotencyKey: already used for a different contribution.',
        };
      } else outcomes[index] = rejected(result.error);
    });
    if (results.some((r) => r.kind === 'posted')) options.onCommitted?.();
  }
  return outcomes;
}
