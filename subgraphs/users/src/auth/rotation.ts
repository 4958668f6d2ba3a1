import { MAX_ACCESS_TOKEN_TTL_SECONDS } from '@poolgraph/auth';
import type { Keyring } from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import { insertSigningKey, scheduleRetirementOfOtherKeys } from '../data/signingKeys.ts';
import { generateSigningKey } from './keys.ts';

export interface RotationTimings {
  /**
   * How long the new key is published before it signs: longer than verifiers cache the JWKS
   * (one minute) plus the signers' reload (30 s), so no verifier meets a kid it has not seen.
   */
  publishAheadMs: number;
  /** After activation, how long the old keys keep verifying: the longest token life + skew. */
  retireAfterMs: number;
}

export const DEFAULT_ROTATION: RotationTimings = {
  publishAheadMs: 120_000,
  retireAfterMs: (MAX_ACCESS_TOKEN_TTL_SECONDS + 60) * 1000,
};

/**
 * One rotation, all scheduled at once (nothing to run later): a new key, published now and
 * signing from `activatesAt`; every other key retires at `retiresAt`, once the last token it
 * signed has expired. Replicas pick the new key up on their next reload, without a restart.
 */
export async function rotateSigningKey(
  db: UsersDb,
  ring: Keyring,
  timings: RotationTimings = DEFAULT_ROTATION,
  now = Date.now(),
): Promise<{ kid: string; activatesAt: Date; retiresAt: Date }> {
  const key = await generateSigningKey();
  const activatesAt = new Date(now + timings.publishAheadMs);
  const retiresAt = new Date(activatesAt.getTime() + timings.retireAfterMs);
  await db.transaction(async (tx) => {
    await insertSigningKey(tx, ring, { ...key, activatesAt });
    await scheduleRetirementOfOtherKeys(tx, key.kid, retiresAt);
  });
  return { kid: key.kid, activatesAt, retiresAt };
}
