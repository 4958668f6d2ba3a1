import { requireRole, type Viewer } from '@poolgraph/auth';
import { formatMoneyText as show } from '@poolgraph/money';
import {
  conflict,
  forbidden,
  isDeadlock,
  isUuid,
  notFound,
  retryTransaction,
} from '@poolgraph/platform';
import { lockInvestorAccounts } from '../data/investorAccounts.ts';
import { selectHeldByPoolIds } from '../data/payments.ts';
import { lockPoolAccounts, type PoolAccountRow } from '../data/poolAccounts.ts';
import { lockPoolFacts, setTransitionMark, type PoolFactsRow } from '../data/poolFacts.ts';
import { setLeavingRevision } from '../data/poolMembers.ts';
import type { LedgerTx } from '../db/index.ts';
import { checkedView, type PoolFactsDeps } from '../movements/poolView.ts';
import { checkPoolId } from '../movements/inputs.ts';

/**
 * The steps pools takes with the ledger before it commits a change that money depends on
 * (closing, archiving, removing a member).
 * Each runs under the pool's cash row lock, the lock every posting takes first, so a posting
 * either committed before the step or sees it. Each carries the revision pools is about to
 * commit, is ended by any pools event at or above it, and has a compensation pools calls
 * when its own commit fails.
 *
 * Closing a pool is a short saga, so that no contribution posts once closePool has returned:
 *
 * 1. pools, holding its pool row lock, calls closePoolInLedger(poolId, revision) with the
 *    revision it is about to commit. Here, under the pool's cash row lock — the lock every
 *    posting takes first — the pool's facts get `closing_revision`: from this commit on, every
 *    posting sees the pool as CLOSED, and every posting that got the lock earlier has committed.
 * 2. pools commits CLOSED at that revision; its PoolChanged event clears the mark here.
 * 3. If pools fails to commit, it calls reopenPoolInLedger(poolId, revision) (compensation).
 *    Should that call be lost too, the mark stays until the pool's next event (any revision at
 *    or above it): the pool refuses contributions meanwhile — the safe direction — and closing
 *    it again completes the saga.
 *
 * Archiving is the same saga (archivePoolInLedger / unarchivePoolInLedger, `archiving_revision`).
 */

/** The pool's facts, when the caller is its manager (read your writes, as for postings). */
async function managedPool(deps: PoolFactsDeps, viewer: Viewer | null, poolId: string) {
  const actor = requireRole(viewer, 'MANAGER');
  const id = checkPoolId(poolId);
  const view = await checkedView(deps, id, actor.userId, (v) => {
    if (v.facts?.managerId !== actor.userId) {
      throw forbidden('Only the manager of this pool can do this.');
    }
  });
  return view.facts!;
}

/** One step under the pool's cash row lock, rerun on a deadlock. */
function underPoolLock(
  deps: PoolFactsDeps,
  facts: PoolFactsRow,
  step: (tx: LedgerTx, pool: PoolAccountRow) => Promise<void>,
): Promise<void> {
  return retryTransaction(
    () =>
      deps.db.transaction(async (tx) => {
        const pools = await lockPoolAccounts(tx, [
          { poolId: facts.poolId, currency: facts.currency, managerId: facts.managerId },
        ]);
        await step(tx, pools.get(facts.poolId)!);
      }),
    { retryable: isDeadlock },
  );
}

/**
 * The pending money a lifecycle change must wait for, named: pending contributions end when
 * their payment posts or voids (or cancelContribution), pending payouts when the manager
 * confirms or voids them (confirmPayout / voidPayout).
 */
function refuseWhilePending(
  what: string,
  account: { pendingIn: bigint; pendingOut: bigint },
  currency: string,
  checks: { contributions: boolean; payouts: boolean },
): void {
  const waiting = [
    checks.contributions && account.pendingIn > 0n
      ? `${show(account.pendingIn, currency)} of pending contributions (they must post, or be cancelled with cancelContribution)`
      : null,
    checks.payouts && account.pendingOut > 0n
      ? `${show(account.pendingOut, currency)} of pending payouts (confirmPayout or voidPayout first)`
      : null,
  ].filter((w): w is string => w !== null);
  if (waiting.length > 0) throw conflict(`${what} has ${waiting.join(' and ')}.`);
}

/**
 * closePoolInLedger / archivePoolInLedger (and their compensations, reopen / unarchive). Under
 * the pool's cash row lock, what the change needs is checked against every posting committed
 * so far, then the mark makes every later posting see the new status:
 * - closing refuses while contributions are pending (money on its way in would otherwise
 *   arrive in a pool that no longer takes it); pending payouts may finish after the close.
 * - archiving refuses while the pool holds anything: cash, pending money either way, or money
 *   held in suspense for a refund (payments/suspense.ts).
 */
export async function markTransition(
  deps: PoolFactsDeps,
  viewer: Viewer | null,
  poolId: string,
  revision: number,
  change: { to: 'CLOSED' | 'ARCHIVED'; on: boolean },
): Promise<boolean> {
  const facts = await managedPool(deps, viewer, poolId);
  const mark = change.to === 'CLOSED' ? 'closingRevision' : 'archivingRevision';
  await underPoolLock(deps, facts, async (tx, pool) => {
    const locked = (await lockPoolFacts(tx, [facts.poolId])).get(facts.poolId);
    if (!locked) return;
    if (!change.on) return setTransitionMark(tx, facts.poolId, mark, { clear: revision });
    const archiving = change.to === 'ARCHIVED';
    refuseWhilePending('The pool', pool, facts.currency, {
      contributions: true,
      payouts: archiving,
    });
    if (archiving && pool.cashBalance > 0n) {
      throw conflict(
        `The pool still holds ${show(pool.cashBalance, facts.currency)} of cash; distribute it before archiving.`,
      );
    }
    const held = archiving
      ? ((await selectHeldByPoolIds(tx, [facts.poolId])).get(facts.poolId) ?? 0n)
      : 0n;
    if (held > 0n) {
      throw conflict(
        `The pool holds ${show(held, facts.currency)} in suspense for refunds (paymentMismatchesConnection lists them; refundPayment pays them back) before archiving.`,
      );
    }
    // A later revision already arrived: the change (or whatever took that revision) is known.
    if (locked.revision < revision)
      await setTransitionMark(tx, facts.poolId, mark, { set: revision });
  });
  return true;
}

/**
 * Removing a member is the same kind of saga: pools, holding its pool row lock, calls
 * releaseMemberInLedger; here, under the pool's lock, the member's capital account must be
 * exactly zero (else CONFLICT, and pools removes nothing), and the member is marked leaving:
 * no contribution of theirs posts from then on and no distribution or fee counts them. Then
 * pools commits the removal; keepMemberInLedger is its compensation.
 */
export async function markLeaving(
  deps: PoolFactsDeps,
  viewer: Viewer | null,
  args: { poolId: string; investorId: string; revision: number },
  leaving: boolean,
): Promise<boolean> {
  const facts = await managedPool(deps, viewer, args.poolId);
  if (!isUuid(args.investorId)) throw notFound('Membership');
  const key = { poolId: facts.poolId, investorId: args.investorId };
  await underPoolLock(deps, facts, async (tx) => {
    if (!leaving) return setLeavingRevision(tx, key, { clear: args.revision });
    const accounts = await lockInvestorAccounts(tx, [{ ...key, currency: facts.currency }], {
      create: false,
    });
    const account = [...accounts.values()][0];
    if (account) {
      refuseWhilePending("The investor's capital account", account, facts.currency, {
        contributions: true,
        payouts: true,
      });
    }
    const capital = account?.capitalBalance ?? 0n;
    if (capital !== 0n) {
      throw conflict(
        `The investor's capital account in the pool is ${show(capital, facts.currency)}, not zero; settle it in the ledger first.`,
      );
    }
    await setLeavingRevision(tx, key, { set: args.revision });
  });
  return true;
}
