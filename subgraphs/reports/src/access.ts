import { delegationCovers, hasRole, requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden } from '@poolgraph/platform';

/**
 * Who may read which report. Reports are aggregates of other people's money, so each rule
 * names exactly whose rows a caller may see.
 *
 * PARTNER: a partner API key reaches these rules only with the `reports:read` scope (every root
 * field of this subgraph checks it first: `partnerScopeRule` in server.ts); with it, it reads
 * reports platform-wide, as an administrator does. A delegated key (a manager's,
 * `viewer.delegation`) reads as its manager does, over the pools it covers only: every rule
 * below asks `delegationCovers` before the platform-wide PARTNER branch.
 */
export type RankingScope =
  { platform: true } | { platform: false; managerId: string; poolIds: readonly string[] | null };

/**
 * topInvestors: ADMIN/PARTNER the platform, MANAGER their own pools, a delegated key its
 * manager's pools it covers, INVESTOR FORBIDDEN.
 */
export function rankingScope(viewer: Viewer | null): RankingScope {
  const who = requireViewer(viewer);
  if (who.delegation) return { platform: false, ...who.delegation };
  if (hasRole(who, 'ADMIN', 'PARTNER')) return { platform: true };
  if (hasRole(who, 'MANAGER')) return { platform: false, managerId: who.userId, poolIds: null };
  throw forbidden('topInvestors is for administrators, partners and managers (their own pools).');
}

/**
 * poolPerformance: ADMIN/PARTNER, the pool's manager (and its delegated keys), an investor who
 * contributed to it.
 */
export function requirePoolReader(
  viewer: Viewer | null,
  pool: { id: string; managerId: string | null; isInvestor: boolean },
): void {
  const who = requireViewer(viewer);
  if (who.delegation) {
    if (delegationCovers(who, pool)) return;
    throw forbidden('This API key does not cover that pool.');
  }
  if (hasRole(who, 'ADMIN', 'PARTNER')) return;
  if (pool.managerId !== null && pool.managerId === who.userId) return;
  if (pool.isInvestor) return;
  throw forbidden("Only the pool's manager, its investors and administrators can see this.");
}

export type StatementScope =
  { allPools: true } | { allPools: false; managerId: string; poolIds: readonly string[] | null };

/**
 * investorStatement: the investor and ADMIN/PARTNER all pools; a MANAGER their own pools; a
 * delegated key its manager's pools it covers.
 */
export function statementScope(viewer: Viewer | null, investorId: string): StatementScope {
  const who = requireViewer(viewer);
  if (who.delegation) return { allPools: false, ...who.delegation };
  if (who.userId === investorId || hasRole(who, 'ADMIN', 'PARTNER')) return { allPools: true };
  if (hasRole(who, 'MANAGER')) return { allPools: false, managerId: who.userId, poolIds: null };
  throw forbidden("Only the investor, their pools' managers and administrators can see this.");
}

/** Whether a manager-scoped reader (a manager, or a delegated key) reads this pool's rows. */
export const scopeCovers = (
  scope: { managerId: string; poolIds: readonly string[] | null },
  pool: { id: string; managerId: string | null | undefined },
): boolean =>
  pool.managerId === scope.managerId && (scope.poolIds === null || scope.poolIds.includes(pool.id));

/** recordValuation: the pool's manager (as pools.events last said) or an ADMIN. */
export function requireValuationWriter(
  viewer: Viewer | null,
  pool: { managerId: string | null },
): Viewer {
  const who = requireViewer(viewer);
  if (!who.delegation && hasRole(who, 'ADMIN')) return who;
  if (!who.delegation && pool.managerId !== null && pool.managerId === who.userId) return who;
  throw forbidden("Only the pool's manager or an administrator can record its valuation.");
}

/**
 * Whose lines of a pool's per-investor performance a reader sees (after requirePoolReader):
 * ADMIN/PARTNER, the pool's manager and its delegated keys every investor's; an investor only
 * their own.
 */
export function investorLinesScope(
  viewer: Viewer | null,
  pool: { id: string; managerId: string | null },
): { all: true } | { all: false; investorId: string } {
  const who = requireViewer(viewer);
  if (who.delegation)
    return delegationCovers(who, pool) ? { all: true } : { all: false, investorId: who.userId };
  if (hasRole(who, 'ADMIN', 'PARTNER')) return { all: true };
  if (pool.managerId !== null && pool.managerId === who.userId) return { all: true };
  return { all: false, investorId: who.userId };
}
