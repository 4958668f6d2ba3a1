import { createHash } from 'node:crypto';
import { conflict, isUuid, notFound } from '@poolgraph/platform';
import { effectiveStatus } from '../access.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import type { PoolStatus } from '../db/schema.ts';

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

export function requireStatus(facts: PoolFactsRow, allowed: PoolStatus[], action: string): void {
  const status = effectiveStatus(facts);
  if (!allowed.includes(status)) {
    const closing = status !== facts.status ? ' (it is being closed)' : '';
    throw conflict(`The pool is ${status}${closing}; ${action} needs it ${allowed.join(' or ')}.`);
  }
}
