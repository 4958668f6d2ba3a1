import { badUserInput, isUuid, notFound } from '@poolgraph/platform';
import { scopeCovers, statementScope } from '../access.ts';
import type { Context } from '../context.ts';
import { selectInvestorTotals } from '../data/investorPoolTotals.ts';
import { selectMovementSums, type MovementType } from '../data/movements.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { statementNavShares, type NavShare } from './statementNav.ts';

export interface StatementLineModel {
  poolId: string;
  poolName: string | null;
  currency: string;
  opening: bigint;
  contributions: bigint;
  distributions: bigint;
  fees: bigint;
  withdrawals: bigint;
  /** Their share of the pool's proceeds: credited to their capital account. */
  proceeds: bigint;
  /** The carried interest they bore: debited to their capital account. */
  carry: bigint;
  closing: bigint;
  /** Of `distributions`: what the waterfall paid by tier, as the ledger recorded it. */
  returnOfCapital: bigint;
  preferredReturn: bigint;
  profitShare: bigint;
  /** Their NAV share as of the statement's end; null without a valuation by then. */
  nav: NavShare | null;
}

/** Of a line's distributions, those without recorded tiers (pro rata, or posted before tiers). */
export const proRataDistributions = (l: StatementLineModel): bigint =>
  l.distributions - l.returnOfCapital - l.preferredReturn - l.profitShare;

export interface StatementModel {
  investorId: string;
  from: Date | null;
  to: Date | null;
  lines: StatementLineModel[];
}

const WINDOW_FIELD: Record<
  MovementType,
  'contributions' | 'distributions' | 'fees' | 'withdrawals' | 'proceeds' | 'carry'
> = {
  CONTRIBUTION: 'contributions',
  DISTRIBUTION: 'distributions',
  FEE: 'fees',
  WITHDRAWAL: 'withdrawals',
  PROCEEDS: 'proceeds',
  CARRY: 'carry',
};
const SIGN: Record<MovementType, bigint> = {
  CONTRIBUTION: 1n,
  DISTRIBUTION: -1n,
  FEE: -1n,
  WITHDRAWAL: -1n,
  PROCEEDS: 1n,
  CARRY: -1n,
};

const emptyLine = (poolId: string, currency: string): StatementLineModel => ({
  poolId,
  poolName: null,
  currency,
  opening: 0n,
  contributions: 0n,
  distributions: 0n,
  fees: 0n,
  withdrawals: 0n,
  proceeds: 0n,
  carry: 0n,
  closing: 0n,
  returnOfCapital: 0n,
  preferredReturn: 0n,
  profitShare: 0n,
  nav: null,
});

/**
 * investorStatement: without a window, straight from investor_pool_totals (O(their pools));
 * with one, from the investor's movements (O(their movements)), split at `from`. Distributions
 * are split by the tiers the ledger recorded; the NAV share is the pool's as of `to`
 * (`statementNavShares`).
 */
export async function investorStatement(
  context: Context,
  args: { investorId: string; from?: Date | null; to?: Date | null },
): Promise<StatementModel> {
  const { readDb: db } = context;
  const scope = statementScope(context.viewer, args.investorId);
  if (!isUuid(args.investorId)) throw notFound('User');
  const from = args.from ?? undefined;
  const to = args.to ?? undefined;
  if (from && to && to.getTime() <= from.getTime()) {
    throw badUserInput('to', 'must be later than from (from is inclusive, to exclusive).');
  }
  const lines = new Map<string, StatementLineModel>();
  if (!from && !to) {
    for (const t of await selectInvestorTotals(db, args.investorId)) {
      lines.set(t.poolId, {
        ...emptyLine(t.poolId, t.currency),
        contributions: t.contributed,
        distributions: t.distributed,
        fees: t.fees,
        withdrawals: t.withdrawn,
        proceeds: t.proceeds,
        carry: t.carry,
        returnOfCapital: t.returnOfCapital,
        preferredReturn: t.preferredReturn,
        profitShare: t.profitShare,
      });
    }
  } else {
    for (const sum of await selectMovementSums(db, args.investorId, from, to)) {
      let line = lines.get(sum.poolId);
      if (!line) lines.set(sum.poolId, (line = emptyLine(sum.poolId, sum.currency)));
      if (sum.before) {
        line.opening += SIGN[sum.type] * sum.total;
        continue;
      }
      line[WINDOW_FIELD[sum.type]] += sum.total;
      line.returnOfCapital += sum.tiers.returnOfCapital;
      line.preferredReturn += sum.tiers.preferredReturn;
      line.profitShare += sum.tiers.profitShare;
    }
  }
  const facts = new Map(
    (await selectPoolFactsByIds(db, [...lines.keys()])).map((f) => [f.poolId, f]),
  );
  const visible = [...lines.values()]
    .filter(
      (l) =>
        scope.allPools ||
        scopeCovers(scope, { id: l.poolId, managerId: facts.get(l.poolId)?.managerId }),
    )
    .sort((a, b) => (a.poolId < b.poolId ? -1 : a.poolId > b.poolId ? 1 : 0));
  for (const line of visible) {
    line.poolName = facts.get(line.poolId)?.name ?? null;
    line.closing =
      line.opening +
      line.contributions +
      line.proceeds -
      line.distributions -
      line.fees -
      line.withdrawals -
      line.carry;
  }
  const navShares = await statementNavShares(db, args.investorId, visible, to ?? null);
  for (const line of visible) line.nav = navShares.get(line.poolId) ?? null;
  return { investorId: args.investorId, from: from ?? null, to: to ?? null, lines: visible };
}
