import { formatMoneyText as show } from '@poolgraph/money';
import { badUserInput } from '@poolgraph/platform';
import type { TransactionType } from '../db/schema.ts';
import type { InvestorAccountRow } from '../data/investorAccounts.ts';
import type { PoolAccountRow } from '../data/poolAccounts.ts';
import type { WaterfallBooks } from '../waterfall/poolWaterfall.ts';

/**
 * Platform ceilings, in minor units of any currency, checked on the books before anything is
 * written (one transaction's limit is an input check, inputs.ts). Stored balances are BIGINT
 * (±9.2 × 10^18): the pool's totals are capped at 10^18, so every pool and investor figure —
 * including a capital balance, which is contributed minus three other totals — stays
 * representable. An investor's own totals are capped a hundred times lower, so that no single
 * member can bring a pool to its ceiling and stop everyone else.
 */
export const MAX_INVESTOR_TOTAL_MINOR = 10n ** 16n;
export const MAX_POOL_TOTAL_MINOR = 10n ** 18n;

/** A running total after a posting, within its ceiling. */
export function checkTotal(
  total: bigint,
  whose: 'pool' | 'investor',
  what: string,
  currency: string,
): void {
  const ceiling = whose === 'pool' ? MAX_POOL_TOTAL_MINOR : MAX_INVESTOR_TOTAL_MINOR;
  if (total > ceiling) {
    const owner = whose === 'pool' ? "the pool's" : "the investor's";
    throw badUserInput(
      'amount',
      `would take ${owner} ${what} past ${show(ceiling, currency)}, the platform's ceiling for it.`,
    );
  }
}

/**
 * One side of a double entry, in signed minor units, debit positive. `investorId` null is the
 * pool's cash account (an asset); otherwise that investor's capital account (equity).
 */
export interface Leg {
  investorId: string | null;
  amount: bigint;
}

/** A transaction decided by a plan, before ids and times are assigned. */
export interface PlannedTransaction {
  type: TransactionType;
  investorId: string | null;
  /** Positive; the legs say which way it moved. */
  amount: bigint;
  legs: Leg[];
  /**
   * Two-phase: 'PENDING' reserves the amount (pending columns, no entries) until it is posted
   * (possibly for less) or voided, at the latest at `expiresAt`. Absent: posted at once.
   */
  phase?: 'PENDING';
  expiresAt?: Date;
  /** A DISTRIBUTION of carried interest to the manager's account (the waterfall's carry). */
  carry?: boolean;
  /** A member's DISTRIBUTION through the waterfall: the tiers it pays (summing to amount). */
  tiers?: DistributionTiers;
}

/** What the waterfall paid one member in one distribution, by tier (minor units). */
export interface DistributionTiers {
  returnOfCapital: bigint;
  preferredReturn: bigint;
  profitShare: bigint;
}

/** The locked accounts a plan decides on; applying a transaction mutates these copies. */
export interface PoolBooks {
  pool: PoolAccountRow;
  investors: Map<string, InvestorAccountRow>;
  /**
   * The pool's current members, for pro-rata splits: a removed member keeps their capital
   * account (its history) but takes no part in later distributions and fees.
   */
  members: ReadonlySet<string>;
  /** Commitments (minor units; null: not heard yet) of the members a member movement names. */
  commitments: ReadonlyMap<string, bigint | null>;
  /**
   * Set when the batch distributes in a pool whose terms carry interest: distributions then go
   * through the waterfall (src/waterfall/) instead of pro rata.
   */
  waterfall?: WaterfallBooks;
}

const COUNTER = {
  CONTRIBUTION: ['contributed', 'totalContributed'],
  DISTRIBUTION: ['distributed', 'totalDistributed'],
  FEE: ['fees', 'totalFees'],
  WITHDRAWAL: ['withdrawn', 'totalWithdrawn'],
  PROCEEDS: ['proceeds', 'totalProceeds'],
} as const;

const COUNTER_NAME = {
  CONTRIBUTION: 'total contributed',
  DISTRIBUTION: 'total distributed',
  FEE: 'total fees',
  WITHDRAWAL: 'total withdrawn',
  PROCEEDS: 'total proceeds',
} as const;

/**
 * The investor counter a capital leg counts toward: its type's, except a carry DISTRIBUTION's
 * legs on members' accounts (any account but the manager's, the transaction's investor), which
 * are the carry those members bear. books.ts sums entries by the same rule.
 */
function legCounter(
  planned: PlannedTransaction,
  leg: Leg,
  typeCounter: (typeof COUNTER)[keyof typeof COUNTER][0],
): [typeof typeCounter | 'carryBorne', string] {
  return planned.carry && leg.investorId !== planned.investorId
    ? ['carryBorne', 'carry borne']
    : [typeCounter, COUNTER_NAME[planned.type]];
}

/**
 * Applies a balanced transaction to the books: cash moves with debits, capital with credits,
 * and each investor leg counts toward the investor's total of that type (their contributed,
 * distributed, fees, withdrawn or proceeds; a carry's legs on members: their carry borne), the
 * transaction's amount toward the pool's.
 */
export function applyToBooks(books: PoolBooks, planned: PlannedTransaction): void {
  const sum = planned.legs.reduce((total, leg) => total + leg.amount, 0n);
  if (sum !== 0n) throw new Error(`unbalanced ${planned.type}: legs sum to ${sum}`);
  const [investorCounter, poolCounter] = COUNTER[planned.type];
  const { currency } = books.pool;
  // Check everything before changing anything, so a refused transaction leaves the books as they were.
  const cash = planned.legs.reduce(
    (total, leg) => (leg.investorId === null ? total + leg.amount : total),
    0n,
  );
  if (books.pool.cashBalance - books.pool.pendingOut + cash < 0n)
    throw new Error('spendable cash would go negative: a plan skipped its check');
  checkTotal(
    books.pool[poolCounter] + planned.amount,
    'pool',
    COUNTER_NAME[planned.type],
    currency,
  );
  for (const leg of planned.legs) {
    if (leg.investorId === null) continue;
    const account = books.investors.get(leg.investorId);
    if (!account) throw new Error(`capital account ${leg.investorId} is not locked`);
    const moved = leg.amount < 0n ? -leg.amount : leg.amount;
    const [counter, name] = legCounter(planned, leg, investorCounter);
    checkTotal(account[counter] + moved, 'investor', name, currency);
  }
  for (const leg of planned.legs) {
    if (leg.investorId === null) {
      books.pool.cashBalance += leg.amount;
      continue;
    }
    const account = books.investors.get(leg.investorId)!;
    account.capitalBalance -= leg.amount;
    account[legCounter(planned, leg, investorCounter)[0]] +=
      leg.amount < 0n ? -leg.amount : leg.amount;
  }
  books.pool[poolCounter] += planned.amount;
}

/** Net contributed capital, the weight for pro-rata distributions and fees. */
export const contributedCapital = (account: InvestorAccountRow): bigint =>
  account.contributed - account.withdrawn;

/** Cash that may be paid out: the posted cash less what pending payouts have reserved. */
export const spendableCash = (books: PoolBooks): bigint =>
  books.pool.cashBalance - books.pool.pendingOut;

/**
 * What is left of a commitment: it less the net capital contributed (contributed − withdrawn, so
 * a withdrawal makes room again) and the contributions still pending. Never below zero.
 */
export function unfundedCommitment(
  commitment: bigint,
  account: InvestorAccountRow | undefined,
): bigint {
  const funded = account ? contributedCapital(account) + account.pendingIn : 0n;
  return commitment > funded ? commitment - funded : 0n;
}

/**
 * Capital that may be withdrawn: the capital account less its pending payouts, and never more
 * than the member's net contributed capital. Proceeds credited to the capital account are profit,
 * which leaves the pool through distribute (and its waterfall, carry included), not a withdrawal.
 */
export function spendableCapital(account: InvestorAccountRow | undefined): bigint {
  if (!account) return 0n;
  const capital =
    account.capitalBalance < contributedCapital(account)
      ? account.capitalBalance
      : contributedCapital(account);
  return capital - account.pendingOut;
}
