import { hasRole, requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden, notFound, SUBSCRIPTION_RECHECK_MS } from '@poolgraph/platform';
import { seesWholePool } from '../access.ts';
import type { TransactionStepEvent } from '@poolgraph/events';
import type { Context } from '../context.ts';
import { checkedView } from '../movements/poolView.ts';

export type EventFilter = (event: TransactionStepEvent) => Promise<boolean>;

/**
 * Decides, at subscribe time, what the caller may receive from a pool, and returns the per-event
 * check. Admins, the pool's manager and its delegated keys: every event. A member: events of their own transactions,
 * while the ledger's copy of the pool (kept from pools events) still has them as a member.
 * Anyone else: FORBIDDEN, and nothing is subscribed.
 */
export async function authorizeWatch(context: Context, poolId: string): Promise<EventFilter> {
  const viewer: Viewer = requireViewer(context.viewer);
  if (hasRole(viewer, 'ADMIN')) return async () => true;
  const view = await checkedView(context, poolId, viewer.userId, ({ facts, isMember }) => {
    if (!facts) throw notFound('The pool');
    if (!seesWholePool(viewer, facts.managerId, poolId) && !isMember) {
      throw forbidden('Only the pool’s manager and its members can watch this pool.');
    }
  });
  if (view.facts && seesWholePool(viewer, view.facts.managerId, poolId)) return async () => true;

  let confirmedAt = Date.now();
  return async (event) => {
    if (event.payload.investorId !== viewer.userId) return false;
    // A membership, once confirmed, is trusted as long as the caller's credentials are.
    if (Date.now() - confirmedAt > SUBSCRIPTION_RECHECK_MS) {
      const now = await context.views(poolId, viewer.userId).catch(() => null);
      if (!now?.isMember) return false;
      confirmedAt = Date.now();
    }
    return true;
  };
}
