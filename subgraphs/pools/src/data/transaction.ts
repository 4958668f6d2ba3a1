import { retryTransaction } from '@poolgraph/platform';
import type { PoolsDb, PoolsTx } from '../db/index.ts';
import { isRetryableLockError } from './errors.ts';

const MAX_ATTEMPTS = 10;

/**
 * Runs `work` again when InnoDB chose it as a deadlock victim or a lock wait timed out: the
 * transaction was rolled back entirely, so a rerun is safe. Other errors propagate at once.
 */
export function withLockRetry<T>(work: () => Promise<T>): Promise<T> {
  // First inserts into neighbouring pools' index ranges (UUIDv7 ids sit side by side) take gap
  // locks: a burst of joins across new pools deadlocks a few times over before all get through.
  return retryTransaction(work, { retryable: isRetryableLockError, attempts: MAX_ATTEMPTS });
}

/** Runs `work` in one MySQL transaction (rerun on deadlock, see withLockRetry). */
export function inTransaction<T>(db: PoolsDb, work: (tx: PoolsTx) => Promise<T>): Promise<T> {
  return withLockRetry(() => db.transaction(work));
}
