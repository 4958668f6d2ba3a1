import { delegationCovers, hasRole, isDelegated, type Viewer } from '@poolgraph/auth';
import { badUserInput, conflict, forbidden, notFound } from '@poolgraph/platform';
import { canSeePool, effectiveStatus, type PoolView } from '../access.ts';
import type { PoolIdentity } from '../data/poolAccounts.ts';
import type { PoolStatus, TransactionType } from '../db/schema.ts';

/**
 * A money movement as a plain value: what it moves, for whom, what it needs of the pool and its
 * caller, and its idempotency key. Nothing in it runs later: `checkMovement` reads it before the
 * movement is queued and again under the pool's lock, `planMovement` (plans.ts) turns it into
 * transactions, and the pipeline (pipeline.ts) journals and persists them.
 */
export interface Movement {
  /** What it moves: the type of the transactions it makes. */
  moves: TransactionType;
  /** The name its key is recorded under ('contribute', 'startContribution:CARD', …). */
  operation: string;
  poolId: string;
  /** For whom: the investor it credits or debits (for pool-wide movements, the caller). */
  investorId: string;
  /** As the caller wrote it; parsed in the pool's currency once the pool is known. */
  amount: string;
  idempotencyKey: string;
  /** When the money moved, as stated (recordContribution); null: now. */
  occurredAt: Date | null;
  /** Set for two-phase money: the transactions are PENDING until settled or this time. */
  expiresAt: Date | null;
  /** What the money was, as the caller wrote it (recordProceeds); kept on the transaction. */
  note?: string | null;
  requires: Requirements;
}

/** What a movement needs of its caller and the pool. */
export interface Requirements {
  actor: Viewer;
  /** The pool's manager (or an admin), or a member acting for themself. */
  by: 'manager' | 'member';
  /** Whether `investorId` must be a current member (not for pool-wide movements). */
  member: boolean;
  statuses: readonly PoolStatus[];
  /** Money in for `investorId`, capped by their unfunded commitment (plans.ts). */
  capped: boolean;
}

/**
 * A movement as the pipeline posts it, online or from the import: the amount in minor units,
 * the hash its key is bound to, and the pool with what its cash account is opened with.
 * `requires` is absent only for the import, whose caller vouches for the pool's facts.
 */
export interface PostingRequest {
  actorId: string;
  idempotencyKey: string;
  operation: string;
  requestHash: string;
  pool: PoolIdentity;
  moves: TransactionType;
  investorId: string;
  amountMinor: bigint;
  occurredAt: Date | null;
  expiresAt: Date | null;
  note?: string | null;
  /** The management fee schedule's FEE: the period it charges (on its event, `feePeriod`). */
  feePeriod?: { start: Date; end: Date | null };
  /** History the import brings in (the bulk path): its events say so (`imported`). */
  imported?: true;
  requires?: Requirements;
}

/** Whether the request pays into an investor's capital account (and opens it when missing). */
export const opensAccount = (request: Pick<PostingRequest, 'moves'>) =>
  request.moves === 'CONTRIBUTION';

/** Whether the plan reads every capital account of the pool (pro-rata splits). */
export const readsWholePool = (request: Pick<PostingRequest, 'moves'>) =>
  request.moves === 'DISTRIBUTION' || request.moves === 'FEE' || request.moves === 'PROCEEDS';

/**
 * A manager's delegated key moves money only in the pools it covers (recordContribution):
 * FORBIDDEN in any other, its manager's uncovered pools included. The pool's manager never
 * changes, so the local copy's word is final (pools, asked as the key, would hide the pool).
 */
export function checkDelegatedPool(actor: Viewer, facts: { poolId: string; managerId: string }) {
  if (!delegationCovers(actor, { id: facts.poolId, managerId: facts.managerId })) {
    throw forbidden('This API key does not cover this pool.');
  }
}

/**
 * The one check of a movement against a view of its pool: run on the local copy before the
 * movement is queued, and inside the posting on the facts and membership read under the pool's
 * cash row lock, so a close or a removal that commits first is always seen. A pool the caller
 * may not see is NOT_FOUND, as in pools; `view.isMember` is about `investorId`.
 */
export function checkMovement(
  movement: Pick<Movement, 'operation' | 'requires'>,
  view: PoolView,
): void {
  const { actor, by, statuses } = movement.requires;
  const { facts, isMember } = view;
  const delegated = by === 'manager' && isDelegated(actor);
  if (delegated && facts) checkDelegatedPool(actor, facts);
  // For manager movements the membership is the named investor's, not the caller's.
  if (!facts || !canSeePool(actor, { facts, isMember: isMember && by === 'member' }, null)) {
    throw notFound('Pool');
  }
  if (by === 'manager') {
    if (facts.managerId !== actor.userId && !hasRole(actor, 'ADMIN') && !delegated) {
      throw forbidden("Only the pool's manager can move its money.");
    }
    if (movement.requires.member && !isMember) {
      throw badUserInput('investorId', 'is not a member of this pool.');
    }
  } else if (!isMember) {
    throw forbidden('Only members of this pool can move money in it.');
  }
  const status = effectiveStatus(facts);
  if (!statuses.includes(status)) {
    const closing = status !== facts.status ? ' (it is being closed)' : '';
    throw conflict(
      `The pool is ${status}${closing}; ${movement.operation} needs it ${statuses.join(' or ')}.`,
    );
  }
  // A copy that has the member but not yet their commitment asks pools (read your writes).
  if (movement.requires.capped && view.commitmentMinor === null) {
    throw conflict("The ledger has not heard this member's commitment yet; try again shortly.");
  }
}
