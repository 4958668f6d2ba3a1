import { isUuid, notFound } from '@poolgraph/platform';
import { scopeCovers, statementScope } from '../access.ts';
import type { Context } from '../context.ts';
import { selectInvestorTotals } from '../data/investorPoolTotals.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { selectPoolTotals } from '../data/poolTotals.ts';
import { selectPoolValuations } from '../data/valuations.ts';
import { loadPoolMetrics } from './performance.ts';
import type { InvestorPerformanceModel } from './poolMetrics.ts';

/**
 * The pools (by id, ascending) the investor has movements in that the caller may read, with the
 * same reading rules as their statement.
 */
async function visiblePoolIds(context: Context, investorId: string): Promise<string[]> {
  const { readDb: db } = context;
  const scope = statementScope(context.viewer, investorId);
  if (!isUuid(investorId)) throw notFound('User');
  const positions = await selectInvestorTotals(db, investorId);
  const facts = new Map(
    (
      await selectPoolFactsByIds(
        db,
        positions.map((p) => p.poolId),
      )
    ).map((f) => [f.poolId, f]),
  );
  return positions
    .filter(
      (p) =>
        scope.allPools ||
        scopeCovers(scope, { id: p.poolId, managerId: facts.get(p.poolId)?.managerId }),
    )
    .map((p) => p.poolId);
}

/**
 * The investor's line in each of these pools (a pool without totals yet has none). Each pool's
 * metrics are computed whole (a NAV share depends on every member's capital): O(Σ the pools'
 * movements).
 */
async function linesIn(
  { readDb: db }: Context,
  investorId: string,
  poolIds: readonly string[],
): Promise<InvestorPerformanceModel[]> {
  const lines = await Promise.all(
    poolIds.map(async (poolId) => {
      const totals = await selectPoolTotals(db, poolId);
      if (!totals) return undefined;
      const metrics = await loadPoolMetrics(db, { poolId, currency: totals.currency, totals }, () =>
        selectPoolValuations(db, poolId),
      );
      return metrics.investors.find((line) => line.investorId === investorId);
    }),
  );
  return lines.filter((line): line is InvestorPerformanceModel => line !== undefined);
}

/** investorPerformance: the investor's line of each pool they have movements in, by pool id. */
export async function investorPerformance(
  context: Context,
  investorId: string,
): Promise<InvestorPerformanceModel[]> {
  return linesIn(context, investorId, await visiblePoolIds(context, investorId));
}

/**
 * investorPerformanceConnection's rows: up to `limit` lines by pool id after the pool
 * `afterPoolId`, computing only the pools of the page (and more only when a pool had no line).
 */
export async function investorPerformancePage(
  context: Context,
  investorId: string,
  page: { afterPoolId: string | null; limit: number },
): Promise<InvestorPerformanceModel[]> {
  const { afterPoolId, limit } = page;
  let rest = (await visiblePoolIds(context, investorId)).filter(
    (id) => afterPoolId === null || id > afterPoolId,
  );
  const lines: InvestorPerformanceModel[] = [];
  while (lines.length < limit && rest.length > 0) {
    const next = rest.slice(0, limit - lines.length);
    rest = rest.slice(next.length);
    lines.push(...(await linesIn(context, investorId, next)));
  }
  return lines;
}
