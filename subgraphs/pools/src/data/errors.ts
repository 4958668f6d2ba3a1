/** mysql2 errors arrive directly or wrapped by drizzle (as `cause`). */
function mysqlCode(error: unknown): string | undefined {
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export const isDuplicateKey = (error: unknown): boolean => mysqlCode(error) === 'ER_DUP_ENTRY';

/** Deadlocks and lock-wait timeouts: InnoDB rolled the transaction back; running it again is safe. */
export const isRetryableLockError = (error: unknown): boolean => {
  const code = mysqlCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
};
