import { hasRole, requireViewer, type Viewer } from '@poolgraph/auth';
import { forbidden } from '@poolgraph/platform';

/**
 * Who may read which report. Reports are aggregates of other people's money, so each rule
 * names exactly whose rows a caller may see.
 *
 * PARTNER: a partner API key reaches these rules only with the `reports:read` scope (every root
 * field of this subgraph checks it first: `partnerScopeRule` in server.ts); with it, it reads
 * reports platform-wide, as an administrator does.
 */
export type RankingScope = { platform: true } | { platform: false; managerId: string };

/** topInvestors: ADMIN/PARTNER the platform, MANAGER their own pools, INVESTOR FORBIDDEN. */
export function rankingScope(viewer: Viewer | null): RankingScope {
  const who = requireViewer(viewer);
  if (hasRole(who, 'ADMIN', 'PARTNER')) return { platform: true };
  if (hasRole(who, 'MANAGER')) return { platform: false, managerId: who.userId };
  throw forbidden('topInvestors is for administrators, partners and managers (their own pools).');
}

/** poolPerformance: ADMIN/PARTNER, the pool's manager, an investor who contributed to it. */
export function requirePoolReader(
  viewer: Viewer | null,
  pool: { managerId: string | null; isInvestor: boolean },
): void {
  const who = requireViewer(viewer);
  if (hasRole(who, 'ADMIN', 'PARTNER')) return;
  if (pool.managerId !== null && pool.managerId === who.userId) return;
  if (pool.isInvestor) return;
  throw forbidden("Only the pool's manager, its investors and administrators can see this.");
}

export type StatementScope = { allPools: true } | { allPools: false; managerId: string };

/** investorStatement: the investor and ADMIN/PARTNER all pools; a MANAGER their own pools. */
export function statementScope(viewer: Viewer | null, investorId: string): StatementScope {
  const who = requireViewer(viewer);
  if (who.userId === investorId || hasRole(who, 'ADMIN', 'PARTNER')) return { allPools: true };
  if (hasRole(who, 'MANAGER')) return { allPools: false, managerId: who.userId };
  throw forbidden("Only the investor, their pools' managers and administrators can see this.");
}
