import { ErrorCode, graphQLError } from '@poolgraph/platform';
import type { Viewer } from './viewer.ts';

/** How recent a second factor must be for a sensitive operation. */
export const STEP_UP_MAX_AGE_MS = 5 * 60_000;

/**
 * For operations that move money out or hand out access (confirming payouts, changing payout
 * details, creating API keys): when the account needs a second factor (`required`, default the
 * token's `mfa_req` claim), the session must have proven one within the last 5 minutes. Else
 * FORBIDDEN with `extensions.use = "stepUp"`, which tells a client to ask for a code, call the
 * users subgraph's stepUp and retry with the new access token. `now` is injectable for tests.
 */
export function requireRecentSecondFactor(
  viewer: Viewer,
  options: { required?: boolean; now?: number } = {},
): void {
  const required = options.required ?? viewer.secondFactorRequired ?? false;
  if (!required) return;
  const now = options.now ?? Date.now();
  const at = viewer.secondFactorAt;
  if (at !== undefined && now - at <= STEP_UP_MAX_AGE_MS && at <= now + 30_000) return;
  throw graphQLError(
    ErrorCode.FORBIDDEN,
    'This needs a fresh second factor: confirm with a code from your authenticator app (stepUp), then try again.',
    { use: 'stepUp' },
  );
}
