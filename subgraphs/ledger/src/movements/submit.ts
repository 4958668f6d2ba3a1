import { isDelegated, requireRole, type Viewer } from '@poolgraph/auth';
import { parseAmount } from '@poolgraph/money';
import { badUserInput, forbidden, isUuid } from '@poolgraph/platform';
import type { TransactionRow } from '../data/transactions.ts';
import {
  checkIdempotencyKey,
  checkOccurredAt,
  checkPoolId,
  checkTransactionAmount,
  requestHash,
} from './inputs.ts';
import type { Poster } from './lanes.ts';
import { checkDelegatedPool, checkMovement, type Movement, type Requirements } from './movement.ts';
import { checkedView, type PoolFactsDeps } from './poolView.ts';

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

/**
 * Submits a movement: the pool's view (local copy, or pools when the copy refuses), checked by
 * checkMovement; the amount in the pool's currency; then one atomic posting that checks again
 * under the lock and answers a replay of a recorded key itself. When the check refuses before
 * posting, a recorded request under the key still answers (a client retrying after the pool
 * closed gets its original result), and only otherwise the refusal stands.
 */
export async function submit(deps: OperationDeps, movement: Movement): Promise<TransactionRow[]> {
  const key = checkIdempotencyKey(movement.idempotencyKey);
  const poolId = checkPoolId(movement.poolId);
  const actorId = movement.requires.actor.userId;
  const hashIn = (currency: string) =>
    requestHash({
      operation: movement.operation,
      poolId,
      investorId: movement.investorId,
      amountMinor: parseAmount(movement.amount, currency, { field: 'amount' }),
      occurredAt: movement.occurredAt,
      note: movement.note ?? null,
    });
  if (isDelegated(movement.requires.actor)) {
    const local = await deps.views(poolId, movement.investorId);
    if (local.facts) checkDelegatedPool(movement.requires.actor, local.facts);
  }
  let facts;
  try {
    ({ facts } = await checkedView(deps, poolId, movement.investorId, (view) =>
      checkMovement(movement, view),
    ));
  } catch (refusal) {
    const replayed = await deps.poster.replay(actorId, key, hashIn);
    if (replayed) return replayed;
    throw refusal;
  }
  const { currency, managerId } = facts!;
  const amountMinor = parseAmount(movement.amount, currency, { field: 'amount' });
  checkTransactionAmount(amountMinor, currency);
  return deps.poster.post({
    actorId,
    idempotencyKey: key,
    operation: movement.operation,
    requestHash: hashIn(currency),
    pool: { poolId, currency, managerId },
    moves: movement.moves,
    investorId: movement.investorId,
    amountMinor,
    occurredAt: movement.occurredAt,
    expiresAt: movement.expiresAt,
    note: movement.note ?? null,
    requires: movement.requires,
  });
}

const first = (rows: TransactionRow[]): TransactionRow => rows[0]!;
const MANAGERS = ['MANAGER', 'ADMIN'] as const;

/** A member's own money in or out of an OPEN pool. */
function byMember(viewer: Viewer | null, capped: boolean): Requirements {
  const actor = requireRole(viewer, 'INVESTOR');
  return { actor, by: 'member', member: true, statuses: ['OPEN'], capped };
}

/**
 * The manager's (or an admin's) movements, in OPEN or CLOSED pools. `keys`: the manager's
 * delegated keys may make it too (its `ledger:write` scope was checked for the root field;
 * checkMovement asks that the key covers the pool).
 */
function byManager(viewer: Viewer | null, forMember: boolean, keys = false): Requirements {
  const actor = keys && viewer?.delegation ? viewer : requireRole(viewer, ...MANAGERS);
  const statuses = ['OPEN', 'CLOSED'] as const;
  return { actor, by: 'manager', member: forMember, statuses, capped: forMember };
}

/** The fields every movement takes from its arguments. */
const fromArgs = (args: MoneyArgs) => ({
  poolId: args.poolId,
  amount: args.amount,
  idempotencyKey: args.idempotencyKey,
  occurredAt: null,
  expiresAt: null,
});

/**
 * An investor's own word that money came in: no provider confirmed it, so it is off unless the
 * deployment switches it on (development, the demo, benchmarks).
 */
export async function contribute(deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) {
  if (!deps.policy.contributeWithoutPayment) {
    throw forbidden(
      "contribute is switched off here: pay with startContribution (card or bank transfer); money received off the platform is recorded by the pool's manager (recordContribution).",
    );
  }
  const requires = byMember(viewer, true);
  const movement: Movement = {
    ...fromArgs(args),
    moves: 'CONTRIBUTION',
    operation: 'contribute',
    investorId: requires.actor.userId,
    requires,
  };
  return first(await submit(deps, movement));
}

/**
 * The ledger half of startContribution: a PENDING contribution (same rules as contribute) that
 * its payment posts or voids. The method is part of the request, so one key cannot start a card
 * payment and then a bank transfer.
 */
export async function contributePending(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs & { method: string },
  expiresAt: Date,
) {
  const requires = byMember(viewer, true);
  const movement: Movement = {
    ...fromArgs(args),
    moves: 'CONTRIBUTION',
    operation: `startContribution:${args.method}`,
    investorId: requires.actor.userId,
    expiresAt,
    requires,
  };
  return first(await submit(deps, movement));
}

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
  const requires = byMember(viewer, false);
  const movement: Movement = {
    ...fromArgs(args),
    moves: 'WITHDRAWAL',
    operation: 'withdraw',
    investorId: requires.actor.userId,
    expiresAt: deps.policy.payOutWithdrawals ? payoutExpiresAt : null,
    requires,
  };
  return first(await submit(deps, movement));
}

export async function recordContribution(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs & { investorId: string; occurredAt?: Date | null },
) {
  const requires = byManager(viewer, true, true);
  if (!isUuid(args.investorId)) throw badUserInput('investorId', 'is not a user id.');
  const movement: Movement = {
    ...fromArgs(args),
    moves: 'CONTRIBUTION',
    operation: 'recordContribution',
    investorId: args.investorId,
    occurredAt: args.occurredAt ? checkOccurredAt(args.occurredAt) : null,
    requires,
  };
  return first(await submit(deps, movement));
}

/** Manager movements about the whole pool: membership is not asked. */
function poolWide(
  viewer: Viewer | null,
  args: MoneyArgs,
  moves: 'DISTRIBUTION' | 'FEE' | 'PROCEEDS',
  operation: string,
  expiresAt: Date | null = null,
): Movement {
  const requires = byManager(viewer, false);
  return {
    ...fromArgs(args),
    moves,
    operation,
    investorId: requires.actor.userId,
    expiresAt,
    requires,
  };
}

export const distribute = (deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) =>
  submit(deps, poolWide(viewer, args, 'DISTRIBUTION', 'distribute'));

export const chargeFee = async (deps: OperationDeps, viewer: Viewer | null, args: MoneyArgs) =>
  first(await submit(deps, poolWide(viewer, args, 'FEE', 'chargeFee')));

/** The ledger half of startDistribution: distribute's rules, each share a PENDING payout. */
export const distributePending = (
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs,
  expiresAt: Date,
) => submit(deps, poolWide(viewer, args, 'DISTRIBUTION', 'startDistribution', expiresAt));

/** Longest note recordProceeds keeps (the transactions.note column). */
export const MAX_NOTE_LENGTH = 500;

/**
 * Money the pool received back from its holdings (an exit, a dividend, a sale), recorded by its
 * manager or an admin while the pool is OPEN or CLOSED (exits mostly come after the close, as
 * distributions do), at occurredAt (default now, never in the future). Credited to the members'
 * capital accounts pro rata, so distribute can pay it out through the waterfall.
 */
export async function recordProceeds(
  deps: OperationDeps,
  viewer: Viewer | null,
  args: MoneyArgs & { note?: string | null; occurredAt?: Date | null },
) {
  const note = args.note?.trim() ?? '';
  if (note.length === 0)
    throw badUserInput('note', 'must say what the money is (e.g. "exit of Acme").');
  if (note.length > MAX_NOTE_LENGTH) {
    throw badUserInput('note', `must be at most ${MAX_NOTE_LENGTH} characters.`);
  }
  const movement: Movement = {
    ...poolWide(viewer, args, 'PROCEEDS', 'recordProceeds'),
    occurredAt: args.occurredAt ? checkOccurredAt(args.occurredAt) : null,
    note,
  };
  return first(await submit(deps, movement));
}
