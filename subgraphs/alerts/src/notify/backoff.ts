export interface RetryPolicy {
  /** After this many failed attempts the notification is dead-lettered. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 300_000,
};

/**
 * The wait after the n-th failed attempt (n ≥ 1): exponential (base × 2^(n−1), capped), with
 * "equal jitter" (half fixed, half random) so that a receiver coming back is not hit by every
 * retry at once, yet each wait still grows.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random = Math.random,
): number {
  const exp = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1),
  );
  return Math.round(exp / 2 + random() * (exp / 2));
}
