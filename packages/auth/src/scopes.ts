import { badUserInput, forbidden } from '@poolgraph/platform';
import type { Viewer } from './viewer.ts';

/**
 * What a partner API key may do. A fixed list: a key's scopes are checked against it when the
 * key is created, and a token's `scope` claim keeps only these.
 */
export const SCOPES = ['pools:read', 'ledger:read', 'ledger:write', 'reports:read'] as const;
export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope =>
  (SCOPES as readonly string[]).includes(value);

/** A token's space-separated `scope` claim (OAuth 2.0 style), unknown entries dropped. */
export function scopesOfClaim(claim: unknown): Scope[] {
  if (typeof claim !== 'string') return [];
  return [...new Set(claim.split(' ').filter(isScope))];
}

/** Validates a key's requested scopes: known, not empty, no duplicates (BAD_USER_INPUT naming `field`). */
export function validateScopes(scopes: readonly string[], field = 'scopes'): Scope[] {
  if (scopes.length === 0) throw badUserInput(field, `name at least one of ${SCOPES.join(', ')}.`);
  const seen = new Set<string>();
  for (const scope of scopes) {
    if (!isScope(scope)) {
      throw badUserInput(
        field,
        `"${scope.slice(0, 40)}" is not a scope; use ${SCOPES.join(', ')}.`,
      );
    }
    if (seen.has(scope)) throw badUserInput(field, `"${scope}" is listed twice.`);
    seen.add(scope);
  }
  return [...seen] as Scope[];
}

/** What a partner key's secret looks like: `pgk_` and 32 random bytes in base64url. */
export const API_KEY_PREFIX = 'pgk_';
const API_KEY_FORMAT = /^pgk_[A-Za-z0-9_-]{43}$/;
/** Checked before any lookup: a malformed key costs no call and no query. */
export const looksLikeApiKey = (secret: string): boolean => API_KEY_FORMAT.test(secret);

/** A partner key's caller; its rights are its scopes, never a user's. */
export const isPartner = (viewer: Viewer | null): boolean =>
  !!viewer && viewer.roles.includes('PARTNER');

/**
 * Whether the viewer may use what `scope` covers: anyone who is not a partner (their roles
 * decide), and a partner whose key holds the scope.
 */
export const hasScope = (viewer: Viewer | null, scope: Scope): boolean =>
  !isPartner(viewer) || viewer!.scopes.includes(scope);

/** Throws FORBIDDEN when a partner's key lacks `scope`; other callers pass to their role rules. */
export function requireScope(viewer: Viewer | null, scope: Scope): void {
  if (!hasScope(viewer, scope)) {
    throw forbidden(`This API key lacks the scope ${scope}.`);
  }
}

/**
 * A subgraph's partner rule for its root fields (`createSubgraphService`'s `authorizeRootField`):
 * every Query and Subscription field (and `_entities`, so fields reached through references
 * too) needs `read`, every Mutation field `write`. `null` means no key may; fields not listed
 * are under the subgraph's own rules only. Non-partner callers are never affected.
 */
export function partnerScopeRule(rule: { read: Scope | null; write: Scope | null }) {
  return (viewer: Viewer | null, operation: 'query' | 'mutation' | 'subscription'): void => {
    if (!isPartner(viewer)) return;
    const scope = operation === 'mutation' ? rule.write : rule.read;
    if (scope === null) {
      throw forbidden(
        operation === 'mutation'
          ? 'API keys cannot change anything in this part of the graph.'
          : 'API keys cannot read this part of the graph.',
      );
    }
    requireScope(viewer, scope);
  };
}
