import type { PoolsDb, PoolsTx } from '../db/index.ts';
import { isRetryableLockError } from './errors.ts';

const ATTEMPTS = 3;

/**
 * Runs `work` again when InnoDB chose it as a deadlock victim or a lock wait timed out: the
 * transaction was rolled back entirely, so a rerun is safe. Other errors propagate at once.
 */
export async function withLockRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableLockError(error)) throw error;
    }
  }
}

/** Runs `work` in one MySQL transaction (rerun on deadlock, see withLockRetry). */
export function inTransaction<T>(db: PoolsDb, work: (tx: PoolsTx) => Promise<T>): Promise<T> {
  return withLockRetry(() => db.transaction(work));
}
