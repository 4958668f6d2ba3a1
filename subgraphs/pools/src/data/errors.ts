import { mysqlErrorCode } from '@poolgraph/platform';

/** Deadlocks and lock-wait timeouts: the transaction was rolled back; running it again is safe. */
export const isRetryableLockError = (error: unknown): boolean => {
  const code = mysqlErrorCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
};
