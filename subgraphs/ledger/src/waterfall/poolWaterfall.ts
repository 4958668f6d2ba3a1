import { conflict } from '@poolgraph/platform';
import type { LedgerQueryable } from '../db/index.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import { selectWaterfallHistory, type WaterfallHistoryRow } from '../data/transactions.ts';
import {
  contributedCapital,
  type PlannedTransaction,
  type PoolBooks,
} from '../movements/poolBooks.ts';
import { accruedPreferred, capitalFlows, type Compounding } from './preferredReturn.ts';
import {
  runWaterfall,
  splitCarry,
  type MemberCarry,
  type WaterfallMember,
  type WaterfallResult,
} from './waterfall.ts';

/**
 * What a distribution of a pool with carry reads besides the capital accounts: the terms (from
 * the local copy of pools' facts), the manager who receives the carry, the pool's member
 * movements (for the preferred return and what each member has had back) and the date the
 * preferred return accrues to. Kept on the locked books, and brought up to date after each
 * distribution of a batch, so a second one in the same batch sees the first.
 */
export interface WaterfallBooks {
  termsVersion: number | null;
  carryBps: number;
  hurdleBps: number;
  hurdleCompounding: Compounding;
  catchUp: 'NONE' | 'FULL';
  managerId: string;
  history: WaterfallHistoryRow[];
  asOf: Date;
}

/** Whether the pool's terms carry interest: only then is a distribution a waterfall. */
export const hasCarry = (facts: PoolFactsRow | undefined): facts is PoolFactsRow =>
  !!facts && facts.carryBps > 0;

export async function readWaterfallBooks(
  db: LedgerQueryable,
  facts: PoolFactsRow,
  asOf: Date,
): Promise<WaterfallBooks> {
  return {
    termsVersion: facts.termsVersion,
    carryBps: facts.carryBps,
    hurdleBps: facts.hurdleBps,
    hurdleCompounding: facts.hurdleCompounding,
    catchUp: facts.catchUp,
    managerId: facts.managerId,
    history: await selectWaterfallHistory(db, facts.poolId),
    asOf,
  };
}

/** The members a waterfall pays and whose capital bears its carry: current, with capital, by id. */
const membersWithCapital = (books: PoolBooks) =>
  [...books.investors.values()]
    .filter((account) => books.members.has(account.investorId) && contributedCapital(account) > 0n)
    .sort((a, b) => (a.investorId < b.investorId ? -1 : 1));

/** The waterfall's inputs from the books: current members with capital, ordered by id. */
export function waterfallInput(books: PoolBooks, waterfall: WaterfallBooks, amount: bigint) {
  const byMember = new Map<string, WaterfallHistoryRow[]>();
  let carryPaid = 0n;
  for (const row of waterfall.history) {
    if (row.carry) {
      carryPaid += row.amount;
      continue;
    }
    const rows = byMember.get(row.investorId) ?? [];
    rows.push(row);
    byMember.set(row.investorId, rows);
  }
  const members: WaterfallMember[] = membersWithCapital(books).map((account) => {
    const movements = byMember.get(account.investorId) ?? [];
    const distributed = movements
      .filter((m) => m.type === 'DISTRIBUTION')
      .reduce((sum, m) => sum + m.amount, 0n);
    const flows = capitalFlows(movements.map((m) => ({ ...m, at: m.occurredAt })));
    return {
      investorId: account.investorId,
      capital: contributedCapital(account),
      distributed,
      preferred: accruedPreferred(
        flows,
        waterfall.asOf,
        waterfall.hurdleBps,
        waterfall.hurdleCompounding,
      ),
    };
  });
  return {
    amount,
    terms: { carryBps: waterfall.carryBps, catchUp: waterfall.catchUp },
    members,
    carryPaid,
  };
}

/**
 * The carry's transaction: a DISTRIBUTION to the manager flagged `carry`, the cash credited and
 * each member's capital account debited by the carry they bear. The manager's own account in the
 * pool is not moved (it only holds a pending carry's reservation): the carry is the members'
 * capital paid out to the manager, so after everything is distributed every capital account is
 * zero, the members' as well as the manager's.
 */
export function carryTransaction(
  managerId: string,
  carry: bigint,
  borne: readonly MemberCarry[],
): PlannedTransaction {
  return {
    type: 'DISTRIBUTION',
    investorId: managerId,
    amount: carry,
    carry: true,
    legs: [
      { investorId: null, amount: -carry },
      ...borne
        .filter((b) => b.amount > 0n)
        .map((b) => ({ investorId: b.investorId, amount: b.amount })),
    ],
  };
}

/**
 * A pending carry posted for `amount` (at most what it reserved): borne by the pool's current
 * members with capital at posting time, split as the waterfall splits a carry (`splitCarry`).
 */
export function carryPosting(books: PoolBooks, managerId: string, amount: bigint) {
  const members = membersWithCapital(books).map((account) => ({
    investorId: account.investorId,
    capital: contributedCapital(account),
  }));
  if (members.length === 0) {
    throw conflict('No member of the pool has capital to bear this carry; void it instead.');
  }
  return carryTransaction(managerId, amount, splitCarry(amount, members));
}

/**
 * The transactions of a waterfall distribution: one DISTRIBUTION per member paid (their tiers
 * summed), cash credited and the member's account debited, and the carry (`carryTransaction`).
 */
export function waterfallTransactions(
  result: WaterfallResult,
  managerId: string,
): PlannedTransaction[] {
  const planned: PlannedTransaction[] = result.members
    .filter((m) => m.total > 0n)
    .map((m) => ({
      type: 'DISTRIBUTION' as const,
      investorId: m.investorId,
      amount: m.total,
      legs: [
        { investorId: null, amount: -m.total },
        { investorId: m.investorId, amount: m.total },
      ],
      // Recorded with the transaction (and on its event), so statements never recompute them.
      tiers: {
        returnOfCapital: m.returnOfCapital,
        preferredReturn: m.preferredReturn,
        profitShare: m.profitShare,
      },
    }));
  if (result.carry > 0n) {
    planned.push(carryTransaction(managerId, result.carry, result.carryBorne));
  }
  return planned;
}

/** Runs the waterfall on the books (a pool with carry) and returns its transactions. */
export function planWaterfall(
  books: PoolBooks,
  waterfall: WaterfallBooks,
  amount: bigint,
): PlannedTransaction[] {
  const result = runWaterfall(waterfallInput(books, waterfall, amount));
  return waterfallTransactions(result, waterfall.managerId);
}

/**
 * Notes distributions that were journaled (after the journal took them, so a refused one is not
 * counted), so the next distribution of the same batch sees them as paid.
 */
export function noteDistributions(books: PoolBooks, planned: readonly PlannedTransaction[]) {
  const waterfall = books.waterfall;
  if (!waterfall) return;
  for (const p of planned) {
    if (p.type !== 'DISTRIBUTION' || p.investorId === null) continue;
    waterfall.history.push({
      investorId: p.investorId,
      type: 'DISTRIBUTION',
      amount: p.amount,
      carry: p.carry ?? false,
      occurredAt: waterfall.asOf,
    });
  }
}
