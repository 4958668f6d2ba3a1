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
 * investorPerformance: the investor's line of each pool they have movements in, by pool id,
 * with the same reading rules as their statement. Each pool's metrics are computed whole (a
 * NAV share depends on every member's capital): O(Σ the pools' movements).
 */
export async function investorPerformance(
  context: Context,
  investorId: string,
): Promise<InvestorPerformanceModel[]> {
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
  const visible = positions.filter(
    (p) =>
      scope.allPools ||
      scopeCovers(scope, { id: p.poolId, managerId: facts.get(p.poolId)?.managerId }),
  );
  const lines = await Promise.all(
    visible.map(async (position) => {
      const totals = await selectPoolTotals(db, position.poolId);
      if (!totals) return undefined;
      const metrics = await loadPoolMetrics(
        db,
        { poolId: position.poolId, currency: totals.currency, totals },
        () => selectPoolValuations(db, position.poolId),
      );
      return metrics.investors.find((line) => line.investorId === investorId);
    }),
  );
  return lines.filter((line): line is InvestorPerformanceModel => line !== undefined);
}
