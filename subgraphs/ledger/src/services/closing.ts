import { requireRole, type Viewer } from '@poolgraph/auth';
import { forbidden, isDeadlock, retryTransaction } from '@poolgraph/platform';
import { lockPoolAccounts } from '../data/poolAccounts.ts';
import { lockPoolFacts, setClosingRevision } from '../data/poolFacts.ts';
import { checkedView, type PoolFactsDeps } from './poolFacts.ts';
import { checkPoolId } from './requests.ts';

/**
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
export async function markClosing(
  deps: PoolFactsDeps,
  viewer: Viewer | null,
  poolId: string,
  revision: number,
  closing: boolean,
): Promise<boolean> {
  const actor = requireRole(viewer, 'MANAGER');
  const id = checkPoolId(poolId);
  const view = await checkedView(deps, id, actor.userId, (v) => {
    if (v.facts?.managerId !== actor.userId) {
      throw forbidden('Only the manager of this pool can close it.');
    }
  });
  const facts = view.facts!;
  await retryTransaction(
    () =>
      deps.db.transaction(async (tx) => {
        await lockPoolAccounts(tx, [
          { poolId: id, currency: facts.currency, managerId: facts.managerId },
        ]);
        const locked = (await lockPoolFacts(tx, [id])).get(id);
        if (!locked) return;
        if (closing) {
          // A later revision already arrived: the close (or whatever took that revision) is known.
          if (locked.revision >= revision) return;
          await setClosingRevision(tx, id, { set: revision });
        } else {
          await setClosingRevision(tx, id, { clear: revision });
        }
      }),
    { retryable: isDeadlock },
  );
  return true;
}
