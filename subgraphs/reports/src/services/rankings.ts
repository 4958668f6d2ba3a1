import { isSupportedCurrency } from '@poolgraph/money';
import { badUserInput } from '@poolgraph/platform';
import { rankingScope, scopeCovers } from '../access.ts';
import type { Context } from '../context.ts';
import { selectPeriodRanking, type InvestorRankingRow } from '../data/investorRankings.ts';
import { selectPlannedRanking } from '../data/periodContributions.ts';
import { selectManagedPoolIds } from '../data/poolFacts.ts';
import { ALL_TIME_START, planRanking, type RankingPlan, type SpanPlan } from './rankingPlan.ts';

export const DEFAULT_TOP_INVESTORS = 5;
export const MAX_TOP_INVESTORS = 100;

export interface TopInvestorsArgs {
  limit?: number | null;
  currency?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/**
 * topInvestors from the read models. Platform-wide: an index read of `limit` rows for all time
 * or one calendar year/month, otherwise whole periods + raw edges (see rankingPlan). For a
 * manager, the same plan restricted to their pools.
 */
export async function topInvestors(
  context: Context,
  args: TopInvestorsArgs,
): Promise<InvestorRankingRow[]> {
  const scope = rankingScope(context.viewer);
  // An explicit null means "the default", like an omitted argument.
  const limit = args.limit ?? DEFAULT_TOP_INVESTORS;
  const currency = args.currency ?? 'USD';
  if (limit < 1 || limit > MAX_TOP_INVESTORS) {
    throw badUserInput('limit', `must be between 1 and ${MAX_TOP_INVESTORS}, got ${limit}.`);
  }
  if (!isSupportedCurrency(currency)) {
    throw badUserInput('currency', `"${currency}" is not a supported ISO 4217 code such as "USD".`);
  }
  const from = args.from ?? undefined;
  const to = args.to ?? undefined;
  if (from && to && to.getTime() <= from.getTime()) {
    throw badUserInput('to', 'must be later than from (from is inclusive, to exclusive).');
  }
  const plan = planRanking(from, to);
  if (scope.platform) {
    return plan.direct
      ? selectPeriodRanking(context.readDb, { ...plan.direct, currency, limit })
      : selectPlannedRanking(context.readDb, plan, { currency, limit });
  }
  const pools = (await selectManagedPoolIds(context.readDb, scope.managerId)).filter((id) =>
    scopeCovers(scope, { id, managerId: scope.managerId }),
  );
  return selectPlannedRanking(context.readDb, asSpans(plan), { currency, limit, pools });
}

/** A direct plan as period spans (a manager's ranking is grouped over their pools' rows). */
function asSpans(plan: RankingPlan): SpanPlan {
  if (!plan.direct) return plan;
  const { kind, periodStart } = plan.direct;
  if (kind === 'A')
    return { periods: [{ kind, from: ALL_TIME_START, to: '1970-01-02' }], edges: [] };
  const start = new Date(`${periodStart}T00:00:00Z`);
  const end =
    kind === 'Y'
      ? Date.UTC(start.getUTCFullYear() + 1, 0, 1)
      : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  return {
    periods: [{ kind, from: periodStart, to: new Date(end).toISOString().slice(0, 10) }],
    edges: [],
  };
}
