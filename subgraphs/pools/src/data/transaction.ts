import { retryTransaction } from '@poolgraph/platform';
import type { PoolsDb, PoolsTx } from '../db/index.ts';
import { isRetryableLockError } from './errors.ts';

/**
 * Runs `work` again when InnoDB chose it as a deadlock victim or a lock wait timed out: the
 * transaction was rolled back entirely, so a rerun is safe. Other errors propagate at once.
 */
export function withLockRetry<T>(work: () => Promise<T>): Promise<T> {
  return retryTransaction(work, { retryable: isRetryableLockError });
}

/** Runs `work` in one MySQL transaction (rerun on deadlock, see withLockRetry). */
export function inTransaction<T>(db: PoolsDb, work: (tx: PoolsTx) => Promise<T>): Promise<T> {
  return withLockRetry(() => db.transaction(work));
}
