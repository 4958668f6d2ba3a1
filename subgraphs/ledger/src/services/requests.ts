import { createHash } from 'node:crypto';
import { badUserInput, conflict, isUuid, notFound } from '@poolgraph/platform';
import type { PoolIdentity } from '../data/accounts.ts';
import type { PoolFacts, PoolStatus } from '../poolAccess.ts';

const MAX_KEY_LENGTH = 200;

/** Keys are opaque to the ledger, but bounded and free of control characters. */
export function checkIdempotencyKey(key: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || /[\p{Cc}]/u.test(key)) {
    throw badUserInput('idempotencyKey', `must be 1 to ${MAX_KEY_LENGTH} printable characters.`);
  }
  return key;
}

/** A pool id that cannot exist is simply not found (never a SQL error). */
export function checkPoolId(poolId: string): string {
  if (!isUuid(poolId)) throw notFound('Pool');
  return poolId;
}

export interface CanonicalRequest {
  operation: string;
  poolId: string;
  investorId: string | null;
  amountMinor: bigint;
  occurredAt: Date | null;
}

/**
 * The payload an idempotency key is bound to. Amounts are compared in minor units, so "10.5"
 * and "10.50" are the same request; occurredAt as given (an omitted one is not "now").
 */
export function requestHash(request: CanonicalRequest): string {
  const canonical = JSON.stringify([
    request.operation,
    request.poolId,
    request.investorId,
    request.amountMinor.toString(),
    request.occurredAt?.toISOString() ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function requireStatus(pool: PoolFacts, allowed: PoolStatus[], action: string): void {
  if (!allowed.includes(pool.status)) {
    throw conflict(`The pool is ${pool.status}; ${action} needs it ${allowed.join(' or ')}.`);
  }
}

export const identityOf = (pool: PoolFacts): PoolIdentity => ({
  poolId: pool.id,
  currency: pool.currency,
  managerId: pool.managerId,
});
