import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { parseAmount } from '@poolgraph/money';
import { badUserInput, conflict, forbidden, isUuid, notFound } from '@poolgraph/platform';
import { canSeePool, type PoolView } from '../access.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import type { TransactionRow } from '../data/transactions.ts';
import type { PoolStatus } from '../db/schema.ts';
import type { Poster } from '../posting/engine.ts';
import { checkTransactionAmount } from '../posting/limits.ts';
import type { PlannedTransaction, PoolBooks } from '../posting/model.ts';
import {
  planContribution,
  planDistribution,
  planFee,
  planPendingContribution,
  planPendingDistribution,
  planWithdrawal,
  requireUnfundedCommitment,
} from '../posting/plans.ts';
import { checkIdempotencyKey, checkOccurredAt } from '../posting/validate.ts';
import { checkedView, type PoolFactsDeps } from './poolFacts.ts';
import { checkPoolId, requestHash, requireStatus } from './requests.ts';

export interface OperationDeps extends PoolFactsDeps {
  poster: Poster;
  /** What money may move without a provider (env.ts `moneyPolicyFromEnv`). */
  policy: MoneyPolicy;
}

/**
 * Money moves with evidence: in production money comes in only through a payment or the
 * manager's record, and goes out to an investor only through a payout the manager confirms.
 */
export interface MoneyPolicy {
  /** `contribute`, an investor crediting themselves with money nobody received (dev, demo, benches). */
  contributeWithoutPayment: boolean;
  /** `withdraw` is a PENDING payout until the manager confirms the bank paid it (confirmPayout). */
  payOutWithdrawals: boolean;
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
  /** Money in for investorId: capped by their unfunded commitment (requireUnfundedCommitment). */
  capped?: boolean;
  plan: (books: PoolBooks, amount: bigint) => PlannedTransaction[];
}

/**
 * Who may make the movement, in which pool states: run on the local copy before posting, and
 * again inside the posting on the facts as they are under the pool's lock (so a close that
 * commits first is always seen). A pool the caller may not see is NOT_FOUND, as in pools.
 */
function checkFor(movement: Movement) {
  const { actor } = movement;
  return (facts: PoolFactsRow | undefined, isMember: boolean): void => {
    // For manager movements isMember is about the investor named, not the caller.
    const callerIsMember = isMember && movement.by === 'member';
    if (!facts || !canSeePool(actor, { facts, isMember: callerIsMember }, null)) {
      throw notFound('Pool');
    }
    if (movement.by === 'manager') {
      if (facts.managerId !== actor.userId && !hasRole(actor, 'ADMIN')) {
        throw forbidden("Only the pool's manager can move its money.");
      }
      if (movement.forMember && !isMember) {
        throw badUserInput('investorId', 'is not a member of this pool.');
      }
    } else if (!isMember) {
      throw forbidden('Only members of this pool can move money in it.');
    }
    requireStatus(facts, movement.statuses, movement.operation);
  };
}

/**
 * The shared steps: the pool's facts (local copy, or pools when the copy refuses), the checks,
 * the amount in the pool's currency, then one atomic posting that checks again under the lock
 * and answers a replay of a recorded key itself. When a check refuses before posting, a
 * recorded request under the key still answers (a client retrying after the pool closed gets
 * its original result), and only otherwise the refusal stands.
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
  const check = checkFor(movement);
  let view: PoolView;
  try {
    view = await checkedView(deps, poolId, movement.investorId, (v) => {
      check(v.facts, v.isMember);
      // A copy that has the member but not yet their commitment asks pools (read your writes).
      if (movement.capped && v.commitmentMinor === null) {
        throw conflict("The ledger has not heard this member's commitment yet; try again shortly.");
      }
    });
  } catch (refusal) {
    const replayed = await deps.poster.replay(movement.actor.userId, key, hashIn);
    if (replayed) return replayed;
    throw refusal;
  }
  const facts = view.facts!;
  const amount = parseAmount(args.amount, facts.currency, { field: 'amount' });
  checkTransactionAmount(amount, facts.currency);
  return deps.poster.post({
    actorId: movement.actor.userId,
    idempotencyKey: key,
    operation: movement.operation,
    requestHash: hashIn(facts.currency),
    pool: { poolId, currency: facts.currency, managerId: facts.managerId },
    investors: movement.investors(movement.investorId),
    opensAccounts: movement.opensAccounts,
    occurredAt: movement.occurredAt ?? undefined,
    check,
    memberId: movement.forMember ? movement.investorId : undefined,
    plan: (books) => {
      if (movement.capped) requireUnfundedCommitment(books, movement.investorId, amount);
      return movement.plan(books, amount);
    },
  });
}

const first = (rows: TransactionRow[]): TransactionRow => rows[0]!;
const MANAGERS = ['MANAGER', 'ADMIN'] as const;

/** A member's own contribution to an OPEN pool: posted now, or pending until its payment. */
async function contributeAsMember(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs,
  operation: string,
  plan: (investorId: string, amount: bigint) => PlannedTransaction[],
) {
  const actor = requireRole(viewer, 'INVESTOR');
  return first(
    await move(deps, args, {
      operation,
      actor,
      investorId: actor.userId,
      by: 'member',
      forMember: true,
      statuses: ['OPEN'],
      occurredAt: null,
      investors: (id) => [id],
      opensAccounts: true,
      capped: true,
      plan: (_books, amount) => plan(actor.userId, amount),
    }),
  );
}

/**
 * An investor's own word that money came in: no provider confirmed it, so it is off unless the
 * deployment switches it on (development, the demo, benchmarks).
 */
export function contribute(deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) {
  if (!deps.policy.contributeWithoutPayment) {
    throw forbidden(
      "contribute is switched off here: pay with startContribution (card or bank transfer); money received off the platform is recorded by the pool's manager (recordContribution).",
    );
  }
  return contributeAsMember(deps, viewer, args, 'contribute', planContribution);
}

/**
 * The ledger half of startContribution: a PENDING contribution (same rules as contribute) that
 * its payment posts or voids. The method is part of the request, so one key cannot start a card
 * payment and then a bank transfer.
 */
export const contributePending = (
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs & { method: string },
  expiresAt: Date,
) =>
  contributeAsMember(deps, viewer, args, `startContribution:${args.method}`, (investor, amount) =>
    planPendingContribution(investor, amount, expiresAt),
  );

/**
 * Capital back out of an OPEN pool. Where withdrawals are paid out, it is a PENDING payout
 * (capital and cash held) until the manager confirms the bank paid it, or voids it; unconfirmed
 * ones void after the bank-transfer timeout, like distributions' payouts.
 */
export async function withdraw(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs,
  payoutExpiresAt: Date,
) {
  const actor = requireRole(viewer, 'INVESTOR');
  const pending = deps.policy.payOutWithdrawals;
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
      plan: (books, amount) =>
        planWithdrawal(books, actor.userId, amount).map((t) =>
          pending ? { ...t, phase: 'PENDING' as const, expiresAt: payoutExpiresAt } : t,
        ),
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
  const occurredAt = args.occurredAt ? checkOccurredAt(args.occurredAt) : null;
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
      capped: true,
      plan: (_books, amount) => planContribution(investorId, amount),
    }),
  );
}

/** Manager movements are about the whole pool; membership is not asked. */
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

/** The ledger half of startDistribution: distribute's rules, each share a PENDING payout. */
export async function distributePending(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs,
  expiresAt: Date,
) {
  const actor = requireRole(viewer, ...MANAGERS);
  return move(deps, args, {
    ...poolWide(actor),
    operation: 'startDistribution',
    by: 'manager',
    statuses: ['OPEN', 'CLOSED'],
    plan: (books, amount) => planPendingDistribution(books, amount, expiresAt),
  });
}
