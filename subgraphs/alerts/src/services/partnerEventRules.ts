import type { PartnerEventType } from '../db/schema.ts';
import type { PartnerKeyRow } from '../data/partnerKeys.ts';

/**
 * The scope a key needs for each event type: what it would need to read the same thing through
 * the graph (transactions and payments are the ledger's, `ledger:read`; alerts are read with
 * `pools:read`).
 */
export const SCOPE_OF_EVENT: Record<PartnerEventType, string> = {
  TRANSACTION_POSTED: 'ledger:read',
  TRANSACTION_VOIDED: 'ledger:read',
  ALERT_RAISED: 'pools:read',
  PAYMENT_HELD: 'ledger:read',
  PAYMENT_REFUNDED: 'ledger:read',
};

/**
 * Why a key does not receive an event of this pool now, or null when it does. A key receives
 * exactly what it could read through the graph at that moment: a working (not revoked, not
 * expired) DELEGATED key whose manager manages the pool, listing the pool when it lists pools,
 * with the event's scope. PLATFORM keys read no pool's transactions or alerts, so they receive
 * nothing. Asked when an event is fanned out and again just before each attempt.
 */
export function whyKeyMisses(
  key: Pick<PartnerKeyRow, 'kind' | 'managerId' | 'poolIds' | 'scopes' | 'expiresAt' | 'revokedAt'>,
  pool: { poolId: string; managerId: string } | null,
  type: PartnerEventType,
  now: Date,
): string | null {
  if (key.revokedAt) return 'the API key was revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'the API key expired';
  if (key.kind !== 'DELEGATED') return 'a platform key reads no pool transactions or alerts';
  if (!key.scopes.includes(SCOPE_OF_EVENT[type])) {
    return `the API key lacks the scope ${SCOPE_OF_EVENT[type]}`;
  }
  if (!pool || pool.managerId !== key.managerId) return 'the pool is not in the key’s scope';
  if (key.poolIds !== null && !key.poolIds.includes(pool.poolId)) {
    return 'the pool is not in the key’s scope';
  }
  return null;
}
