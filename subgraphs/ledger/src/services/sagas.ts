import { requireRole, type Viewer } from '@poolgraph/auth';
import { formatAmount } from '@poolgraph/money';
import {
  conflict,
  forbidden,
  isDeadlock,
  isUuid,
  notFound,
  retryTransaction,
} from '@poolgraph/platform';
import { lockInvestorAccounts } from '../data/investorAccounts.ts';
import { lockPoolAccounts } from '../data/poolAccounts.ts';
import { lockPoolFacts, setClosingRevision, type PoolFactsRow } from '../data/poolFacts.ts';
import { setLeavingRevision } from '../data/poolMembers.ts';
import type { LedgerTx } from '../db/index.ts';
import { checkedView, type PoolFactsDeps } from './poolFacts.ts';
import { checkPoolId } from './requests.ts';

/**
 * The two steps pools takes with the ledger before it commits a change that money depends on.
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
  step: (tx: LedgerTx) => Promise<void>,
): Promise<void> {
  return retryTransaction(
    () =>
      deps.db.transaction(async (tx) => {
        await lockPoolAccounts(tx, [
          { poolId: facts.poolId, currency: facts.currency, managerId: facts.managerId },
        ]);
        await step(tx);
      }),
    { retryable: isDeadlock },
  );
}

/** closePoolInLedger (closing) and reopenPoolInLedger (its compensation). */
export async function markClosing(
  deps: PoolFactsDeps,
  viewer: Viewer | null,
  poolId: string,
  revision: number,
  closing: boolean,
): Promise<boolean> {
  const facts = await managedPool(deps, viewer, poolId);
  await underPoolLock(deps, facts, async (tx) => {
    const locked = (await lockPoolFacts(tx, [facts.poolId])).get(facts.poolId);
    if (!locked) return;
    if (!closing) return setClosingRevision(tx, facts.poolId, { clear: revision });
    // A later revision already arrived: the close (or whatever took that revision) is known.
    if (locked.revision < revision) await setClosingRevision(tx, facts.poolId, { set: revision });
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
    const capital = [...accounts.values()][0]?.capitalBalance ?? 0n;
    if (capital !== 0n) {
      throw conflict(
        `The investor's capital account in the pool is ${formatAmount(capital, facts.currency)} ${facts.currency}, not zero; settle it in the ledger first.`,
      );
    }
    await setLeavingRevision(tx, key, { set: args.revision });
  });
  return true;
}
