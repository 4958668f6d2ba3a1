import { forbidden } from '@poolgraph/platform';
import { SCOPES, type Scope } from './scopes.ts';
import { hasRole, type Viewer } from './viewer.ts';

/**
 * A delegated partner key: issued by a pool manager for their own pools, all of them (`poolIds`
 * null, pools created later included) or a list. Its access tokens carry it as the signed
 * `dlg` claim, so every subgraph reads it from the token it verifies itself: the gateway's word
 * is not needed.
 */
export interface Delegation {
  /** The manager who issued the key: it reads their pools, never anyone else's. */
  managerId: string;
  /** The pools it is limited to; null: every pool of the manager. */
  poolIds: readonly string[] | null;
}

/** The most pools one key may list (they travel in every access token of the key). */
export const MAX_DELEGATED_POOLS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The token's `dlg` claim as it is signed. */
export interface DelegationClaim {
  manager: string;
  pools: string[] | null;
}

export const delegationClaim = (delegation: Delegation): DelegationClaim => ({
  manager: delegation.managerId,
  pools: delegation.poolIds === null ? null : [...delegation.poolIds],
});

/**
 * Reads a `dlg` claim. `undefined` when absent (a platform key, a person); `'invalid'` when it is
 * there but malformed, which fails the token: a key must never read more because its limit did
 * not parse.
 */
export function delegationOfClaim(claim: unknown): Delegation | undefined | 'invalid' {
  if (claim === undefined) return undefined;
  if (typeof claim !== 'object' || claim === null) return 'invalid';
  const { manager, pools } = claim as { manager?: unknown; pools?: unknown };
  if (typeof manager !== 'string' || !UUID.test(manager)) return 'invalid';
  if (pools === null) return { managerId: manager, poolIds: null };
  if (!Array.isArray(pools) || pools.length > MAX_DELEGATED_POOLS) return 'invalid';
  if (!pools.every((id): id is string => typeof id === 'string' && UUID.test(id))) return 'invalid';
  return { managerId: manager, poolIds: pools };
}

/** Whether the caller is a delegated key (limited to one manager's pools). */
export const isDelegated = (viewer: Viewer | null | undefined): boolean => !!viewer?.delegation;

/**
 * Whether a delegated key covers the pool: its issuer manages it and, when the key lists pools,
 * it is listed. False for everyone who is not a delegated key (their own rules apply). Every
 * subgraph's read rules ask this, with the manager as that subgraph knows it.
 */
export function delegationCovers(
  viewer: Viewer | null | undefined,
  pool: { id: string; managerId: string | null | undefined },
): boolean {
  const delegation = viewer?.delegation;
  if (!delegation || !pool.managerId) return false;
  if (pool.managerId !== delegation.managerId) return false;
  return delegation.poolIds === null || delegation.poolIds.includes(pool.id);
}

/**
 * The scopes a role holds, and so may put on a key it issues. An admin holds every scope
 * (platform keys). A manager holds the reads of their own pools and `ledger:write`, which lets
 * their delegated key record contributions received off the platform in the pools it covers
 * (the ledger's `recordContribution`, the one partner write). Everyone else holds none and
 * issues no key.
 */
export const SCOPES_BY_ROLE: Partial<Record<Viewer['roles'][number], readonly Scope[]>> = {
  ADMIN: SCOPES,
  MANAGER: SCOPES,
};

/** The scopes the viewer's roles hold (a partner key holds none: keys do not issue keys). */
export function scopesHeldBy(viewer: Viewer): Scope[] {
  if (hasRole(viewer, 'PARTNER')) return [];
  const held = new Set<Scope>();
  for (const role of viewer.roles) for (const scope of SCOPES_BY_ROLE[role] ?? []) held.add(scope);
  return SCOPES.filter((scope) => held.has(scope));
}

/** FORBIDDEN naming the first requested scope the issuer does not hold. */
export function requireHeldScopes(viewer: Viewer, scopes: readonly Scope[]): void {
  const held = scopesHeldBy(viewer);
  const missing = scopes.find((scope) => !held.includes(scope));
  if (missing) {
    throw forbidden(
      `You cannot give a key the scope ${missing}: you do not hold it yourself (you hold ${held.join(', ') || 'none'}).`,
    );
  }
}
