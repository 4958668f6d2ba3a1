import { hasRole, type Viewer } from '@poolgraph/auth';
import type { PoolAccountRow } from './data/pools.ts';
import type { TransactionRow } from './data/transactions.ts';

/**
 * Read rules. The pool's manager is the one pools named when the ledger last posted to the
 * pool (recorded in pool_accounts, refreshed on every posting). A pool the ledger has never
 * posted to holds no money, so there is nothing of it to protect.
 */
export const seesWholePool = (viewer: Viewer, pool: PoolAccountRow | null): boolean =>
  hasRole(viewer, 'ADMIN') || (!!pool && pool.managerId === viewer.userId);

/** A position: the investor themself, the pool's manager and admins. */
export const canReadPosition = (
  viewer: Viewer,
  investorId: string,
  pool: PoolAccountRow | null,
): boolean => viewer.userId === investorId || seesWholePool(viewer, pool);

/** A transaction: the pool's manager, admins, and the investor it belongs to. */
export const canReadTransaction = (
  viewer: Viewer,
  transaction: TransactionRow,
  pool: PoolAccountRow | null,
): boolean => transaction.investorId === viewer.userId || seesWholePool(viewer, pool);
