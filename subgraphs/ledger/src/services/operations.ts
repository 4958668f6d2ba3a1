import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { parseAmount } from '@poolgraph/money';
import { badUserInput, forbidden, isUuid, notFound } from '@poolgraph/platform';
import type { TransactionRow } from '../data/transactions.ts';
import type { Poster } from '../posting/engine.ts';
import { planContribution, planDistribution, planFee, planWithdrawal } from '../posting/plans.ts';
import type { PlannedTransaction, PoolBooks } from '../posting/model.ts';
import type { Caller, PoolAccess, PoolFacts, PoolStatus } from '../poolAccess.ts';
import {
  checkIdempotencyKey,
  checkPoolId,
  identityOf,
  requestHash,
  requireStatus,
} from './requests.ts';

export interface OperationDeps {
  poster: Poster;
  poolAccess: PoolAccess;
  caller: Caller;
}

interface MoneyArgs {
  poolId: string;
  amount: string;
  idempotencyKey: string;
}

/** What differs between the five money movements; the steps around them are shared. */
interface Movement {
  operation: string;
  actor: Viewer;
  /** The investor the request is about (membership is asked for this one). */
  investorId: string;
  /** Manager operations need the pool's manager (or an admin); investor ones a membership. */
  by: 'manager' | 'member';
  /** Whether investorId must be a member (contributions and withdrawals; not pool-wide movements). */
  forMember: boolean;
  statuses: PoolStatus[];
  occurredAt: Date | null;
  investors: (investorId: string) => string[] | 'all';
  opensAccounts?: boolean;
  plan: (books: PoolBooks, amount: bigint) => PlannedTransaction[];
}

function authorize(pool: PoolFacts, movement: Movement): void {
  const { actor } = movement;
  if (movement.by === 'manager') {
    if (pool.managerId !== actor.userId && !hasRole(actor, 'ADMIN')) {
      throw forbidden("Only the pool's manager can move its money.");
    }
    if (movement.forMember && !pool.isMember) {
      throw badUserInput('investorId', 'is not a member of this pool.');
    }
  } else if (!pool.isMember) {
    throw forbidden('Only members of this pool can move money in it.');
  }
}

/**
 * The shared steps: pool facts from pools, authorization, status, the amount in the pool's
 * currency, then one atomic posting (which answers a replay of a recorded key itself). When a
 * check refuses, a recorded request under the key still answers (a client retrying after the
 * pool closed gets its original result), and only otherwise the refusal stands.
 */
async function move(
  deps: OperationDeps,
  args: MoneyArgs,
  movement: Movement,
): Promise<TransactionRow[]> {
  const key = checkIdempotencyKey(args.idempotencyKey);
  const poolId = checkPoolId(args.poolId);
  const hashIn = (currency: string) =>
    requestHash({
      operation: movement.operation,
      poolId,
      investorId: movement.investorId,
      amountMinor: parseAmount(args.amount, currency, { field: 'amount' }),
      occurredAt: movement.occurredAt,
    });
  let pool: PoolFacts;
  try {
    const found = await deps.poolAccess.lookup(poolId, movement.investorId, deps.caller);
    if (!found) throw notFound('Pool');
    authorize(found, movement);
    requireStatus(found, movement.statuses, movement.operation);
    pool = found;
  } catch (refusal) {
    const replayed = await deps.poster.replay(movement.actor.userId, key, hashIn);
    if (replayed) return replayed;
    throw refusal;
  }
  const amount = parseAmount(args.amount, pool.currency, { field: 'amount' });
  return deps.poster.post({
    actorId: movement.actor.userId,
    idempotencyKey: key,
    operation: movement.operation,
    requestHash: hashIn(pool.currency),
    pool: identityOf(pool),
    investors: movement.investors(movement.investorId),
    opensAccounts: movement.opensAccounts,
    occurredAt: movement.occurredAt ?? undefined,
    plan: (books) => movement.plan(books, amount),
  });
}

const first = (rows: TransactionRow[]): TransactionRow => rows[0]!;
const MANAGERS = ['MANAGER', 'ADMIN'] as const;
const CLOCK_SKEW_MS = 5 * 60_000;

export async function contribute(deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) {
  const actor = requireRole(viewer, 'INVESTOR');
  return first(
    await move(deps, args, {
      operation: 'contribute',
      actor,
      investorId: actor.userId,
      by: 'member',
      forMember: true,
      statuses: ['OPEN'],
      occurredAt: null,
      investors: (id) => [id],
      opensAccounts: true,
      plan: (_books, amount) => planContribution(actor.userId, amount),
    }),
  );
}

export async function withdraw(deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) {
  const actor = requireRole(viewer, 'INVESTOR');
  return first(
    await move(deps, args, {
      operation: 'withdraw',
      actor,
      investorId: actor.userId,
      by: 'member',
      forMember: true,
      statuses: ['OPEN'],
      occurredAt: null,
      investors: (id) => [id],
      plan: (books, amount) => planWithdrawal(books, actor.userId, amount),
    }),
  );
}

export async function recordContribution(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs & { investorId: string; occurredAt?: Date | null },
) {
  const actor = requireRole(viewer, ...MANAGERS);
  if (!isUuid(args.investorId)) throw badUserInput('investorId', 'is not a user id.');
  const occurredAt = args.occurredAt ?? null;
  if (occurredAt && occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw badUserInput('occurredAt', 'must not be in the future.');
  }
  const investorId = args.investorId;
  return first(
    await move(deps, args, {
      operation: 'recordContribution',
      actor,
      investorId,
      by: 'manager',
      forMember: true,
      statuses: ['OPEN', 'CLOSED'],
      occurredAt,
      investors: (id) => [id],
      opensAccounts: true,
      plan: (_books, amount) => planContribution(investorId, amount),
    }),
  );
}

/** Manager movements are about the whole pool; membership is not asked (isMember is ignored). */
const poolWide = (actor: Viewer) => ({
  actor,
  investorId: actor.userId,
  forMember: false,
  occurredAt: null,
  investors: () => 'all' as const,
});

export async function distribute(deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) {
  const actor = requireRole(viewer, ...MANAGERS);
  return move(deps, args, {
    ...poolWide(actor),
    operation: 'distribute',
    by: 'manager',
    statuses: ['OPEN', 'CLOSED'],
    plan: planDistribution,
  });
}

export async function chargeFee(deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) {
  const actor = requireRole(viewer, ...MANAGERS);
  return first(
    await move(deps, args, {
      ...poolWide(actor),
      operation: 'chargeFee',
      by: 'manager',
      statuses: ['OPEN', 'CLOSED'],
      plan: planFee,
    }),
  );
}
