import type { ReportsQueryable } from '../db/index.ts';
import { claimNew } from '@poolgraph/events';
import { insertContributions, type ContributionRow } from '../data/contributions.ts';
import {
  addInvestorPoolTotals,
  investorPoolKey,
  type InvestorPoolTotalsRow,
} from '../data/investorPoolTotals.ts';
import { addRankings, type RankingDelta } from '../data/investorRankings.ts';
import {
  type DistributionTiers,
  insertMovements,
  type LedgerTransactionType,
  type MovementRow,
  type MovementType,
} from '../data/movements.ts';
import {
  addPeriodContributions,
  periodKey,
  type PeriodContributionRow,
} from '../data/periodContributions.ts';
import { addPoolDays, type PoolDayRow } from '../data/poolDays.ts';
import { addPoolTotals, type PoolTotalsRow } from '../data/poolTotals.ts';
import { recordApplied } from '../data/readModelState.ts';
import { ALL_TIME_START, calendarPeriodsOf } from './rankingPlan.ts';

/** A posted ledger transaction as the read models need it (from an event or the history). */
export interface LedgerTransaction {
  transactionId: string;
  poolId: string;
  investorId: string | null;
  type: LedgerTransactionType;
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
  /**
   * FEE and PROCEEDS: each member's share; a carry DISTRIBUTION (to the manager): the carry
   * each member bore; empty when the producer did not say.
   */
  allocations: Array<{ investorId: string; amountMinor: bigint }>;
  /** A member's DISTRIBUTION through the pool's waterfall: its tiers as recorded; else null. */
  tiers: DistributionTiers | null;
}

/**
 * Sums deltas by key, so each table gets one row per key and batch. Keys are the table's
 * primary key in its column order, and rows are written in key order: consecutive rows land on
 * the same B-tree pages, and two replicas lock rows in the same order.
 */
class Deltas<T> {
  readonly rows = new Map<string, T>();
  add(key: string, create: () => T, add: (row: T) => void) {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = create()));
    add(row);
  }
  get values() {
    return [...this.rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  }
}

const FIELD = {
  CONTRIBUTION: 'contributed',
  DISTRIBUTION: 'distributed',
  FEE: 'fees',
  WITHDRAWAL: 'withdrawn',
  PROCEEDS: 'proceeds',
  CARRY: 'carry',
} as const satisfies Record<MovementType, string>;
const zeroTotals = { contributed: 0n, distributed: 0n, fees: 0n, withdrawn: 0n, proceeds: 0n };
const zeroTiers: DistributionTiers = { returnOfCapital: 0n, preferredReturn: 0n, profitShare: 0n };

/**
 * Whose capital account a transaction moved, by how much and as what: its investor's; a FEE's or
 * PROCEEDS' members by their allocations; a carry (a DISTRIBUTION to the manager with
 * allocations) the members who bore it, as CARRY, and not the manager's (the ledger does not
 * move it). A carry announced before members bore it has no allocations: the manager's, as then.
 */
function sharesOf(t: LedgerTransaction) {
  if (t.investorId === null) {
    return t.allocations.map((a) => ({ ...a, type: t.type, tiers: null }));
  }
  if (t.type === 'DISTRIBUTION' && t.allocations.length > 0) {
    return t.allocations.map((a) => ({ ...a, type: 'CARRY' as const, tiers: null }));
  }
  return [{ investorId: t.investorId, amountMinor: t.amountMinor, type: t.type, tiers: t.tiers }];
}

/** Where the read models record the transactions they hold (the consumer's de-duplication key). */
export const APPLIED_TABLE = 'applied_transactions';

/**
 * Transactions folded per MySQL transaction when replaying history (the rebuild's five pages):
 * a larger batch sums more of its rows in memory and writes the rest in key order, so more of
 * them share B-tree pages (2,000 a batch folded about half as fast).
 */
export const FOLD_BATCH = 10_000;

/**
 * applyLedgerTransactions: folds posted transactions into every ledger-derived read model, in
 * the caller's MySQL transaction, each transaction at most once (by its id, claimed as the
 * ledger.events consumer claims it). Returns how many were new. For the rebuild's pages.
 */
export async function applyLedgerTransactions(
  tx: ReportsQueryable,
  transactions: readonly LedgerTransaction[],
): Promise<number> {
  const fresh = await claimNew(
    tx,
    transactions.map((t) => t.transactionId),
    APPLIED_TABLE,
  );
  const todo = transactions.filter((t) => fresh.delete(t.transactionId));
  await foldLedgerTransactions(tx, todo);
  return todo.length;
}

/**
 * foldLedgerTransactions: adds transactions already claimed as new to every ledger-derived
 * read model. Work per transaction is constant: a handful of multi-row upserts per batch.
 */
export async function foldLedgerTransactions(
  tx: ReportsQueryable,
  todo: readonly LedgerTransaction[],
): Promise<void> {
  if (todo.length === 0) return;

  const movements: MovementRow[] = [];
  const contributions: ContributionRow[] = [];
  const investorTotals = new Deltas<InvestorPoolTotalsRow>();
  const poolTotals = new Deltas<PoolTotalsRow>();
  const poolDays = new Deltas<PoolDayRow>();
  const periods = new Deltas<PeriodContributionRow>();
  let newest = todo[0]!.occurredAt;

  for (const t of todo) {
    if (t.occurredAt > newest) newest = t.occurredAt;
    const field = FIELD[t.type];
    const { poolId, currency } = t;
    poolTotals.add(
      poolId,
      () => ({ poolId, currency, ...zeroTotals }),
      (r) => (r[field] += t.amountMinor),
    );
    if (t.type === 'CONTRIBUTION' || t.type === 'DISTRIBUTION') {
      const period = t.occurredAt.toISOString().slice(0, 10);
      poolDays.add(
        `${poolId}|${period}`,
        () => ({ poolId, period, contributed: 0n, distributed: 0n }),
        (r) => (r[t.type === 'CONTRIBUTION' ? 'contributed' : 'distributed'] += t.amountMinor),
      );
    }
    for (const { investorId, amountMinor, type, tiers } of sharesOf(t)) {
      if (amountMinor === 0n) continue;
      movements.push({ ...t, investorId, amountMinor, type, tiers });
      investorTotals.add(
        investorPoolKey({ investorId, poolId }),
        () => ({ investorId, poolId, currency, ...zeroTotals, carry: 0n, ...zeroTiers }),
        (r) => {
          r[FIELD[type]] += amountMinor;
          if (!tiers) return;
          r.returnOfCapital += tiers.returnOfCapital;
          r.preferredReturn += tiers.preferredReturn;
          r.profitShare += tiers.profitShare;
        },
      );
    }
    if (t.type === 'CONTRIBUTION' && t.investorId !== null) {
      const investorId = t.investorId;
      contributions.push({ ...t, investorId });
      for (const p of calendarPeriodsOf(t.occurredAt)) {
        const row = { investorId, poolId, ...p, currency, amount: 0n };
        periods.add(
          periodKey(row),
          () => row,
          (r) => (r.amount += t.amountMinor),
        );
      }
    }
  }

  // A row an upsert created is a pool new to the investor: in a calendar period, or all time
  // (their first contribution to the pool).
  const totalsRows = investorTotals.values;
  const periodRows = periods.values;
  const firstContributions = await addInvestorPoolTotals(tx, totalsRows);
  const created = await addPeriodContributions(tx, periodRows);
  const rankings = new Deltas<RankingDelta>();
  const rank = (
    { kind, periodStart, currency, investorId }: Omit<RankingDelta, 'newPools' | 'amount'>,
    amount: bigint,
    isNew: boolean,
  ) =>
    rankings.add(
      `${kind}|${periodStart}|${currency}|${investorId}`,
      () => ({ kind, periodStart, currency, investorId, newPools: 0, amount: 0n }),
      (r) => {
        r.amount += amount;
        if (isNew) r.newPools += 1;
      },
    );
  for (const p of periodRows) rank(p, p.amount, created.has(periodKey(p)));
  for (const p of totalsRows) {
    if (p.contributed === 0n) continue;
    const isNew = firstContributions.has(investorPoolKey(p));
    rank({ ...p, kind: 'A', periodStart: ALL_TIME_START }, p.contributed, isNew);
  }
  await insertContributions(tx, contributions);
  await insertMovements(tx, movements);
  await addPoolTotals(tx, poolTotals.values);
  await addPoolDays(tx, poolDays.values);
  await addRankings(tx, rankings.values);
  await recordApplied(tx, newest);
}
