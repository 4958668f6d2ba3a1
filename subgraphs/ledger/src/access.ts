import { delegationCovers, hasRole, isDelegated, type Viewer } from '@poolgraph/auth';
import type { PoolAccountRow } from './data/poolAccounts.ts';
import type { PoolFactsRow } from './data/poolFacts.ts';
import type { TransactionRow } from './data/transactions.ts';

/**
 * Read rules. The ledger applies pools' own visibility rule with its local copy of the pool
 * (`pool_facts`, kept from pools events): admins see every pool, a manager their own, a member
 * the pools they belong to, anyone signed in the OPEN ones. A pool the copy does not know yet
 * falls back to the manager recorded on its cash account; one the ledger never heard of holds
 * no money, so there is nothing of it to protect.
 *
 * A delegated partner key (a manager's, `viewer.delegation`) reads the pools it covers as their
 * manager does and nothing else: no listed pool, no pool the ledger does not know, so no root
 * field, nested field or entity reference shows it another manager's money. Every pool-scoped
 * read of this subgraph goes through these rules with the pool's id.
 */
export interface PoolView {
  facts: PoolFactsRow | undefined;
  /** Whether the investor the view was read for is a member now. */
  isMember: boolean;
  /** That member's commitment in minor units (null: not a member, or not heard yet). */
  commitmentMinor: bigint | null;
}

export const managerOf = (
  facts: PoolFactsRow | undefined,
  account: PoolAccountRow | null | undefined,
): string | undefined => facts?.managerId ?? account?.managerId;

/** Admins, the pool's manager and its delegated keys see all of a pool's money and transactions. */
export const seesWholePool = (
  viewer: Viewer,
  managerId: string | undefined,
  poolId: string,
): boolean =>
  hasRole(viewer, 'ADMIN') ||
  (managerId !== undefined && managerId === viewer.userId) ||
  delegationCovers(viewer, { id: poolId, managerId });

/** Whether the viewer may see the pool at all (its totals), given the view read for them. */
export function canSeePool(
  viewer: Viewer,
  view: Pick<PoolView, 'facts' | 'isMember'>,
  account: PoolAccountRow | null | undefined,
): boolean {
  const poolId = view.facts?.poolId ?? account?.poolId;
  if (isDelegated(viewer)) {
    return (
      !!poolId &&
      delegationCovers(viewer, { id: poolId, managerId: managerOf(view.facts, account) })
    );
  }
  if (!poolId) return true;
  return (
    seesWholePool(viewer, managerOf(view.facts, account), poolId) ||
    view.isMember ||
    // pools' listing: OPEN and LISTED (a private deal is for its invited investors, whom pools
    // confirms when this copy refuses them: Context.confirmedVisible).
    (view.facts?.status === 'OPEN' && view.facts.visibility === 'LISTED')
  );
}

/** A position: the investor themself, the pool's manager (and its keys) and admins. */
export const canReadPosition = (
  viewer: Viewer,
  investorId: string,
  pool: { id: string; managerId: string | undefined },
): boolean => viewer.userId === investorId || seesWholePool(viewer, pool.managerId, pool.id);

/** A transaction: the pool's manager (and its keys), admins, and the investor it belongs to. */
export const canReadTransaction = (
  viewer: Viewer,
  transaction: TransactionRow,
  managerId: string | undefined,
): boolean =>
  transaction.investorId === viewer.userId || seesWholePool(viewer, managerId, transaction.poolId);

/**
 * The status that decides what a pool accepts: a pool whose archiving is under way is ARCHIVED,
 * an OPEN one whose close is under way is CLOSED.
 */
export const effectiveStatus = (facts: PoolFactsRow) =>
  facts.archivingRevision !== null
    ? 'ARCHIVED'
    : facts.status === 'OPEN' && facts.closingRevision !== null
      ? 'CLOSED'
      : facts.status;
