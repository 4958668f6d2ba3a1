import { splitProRata } from '@poolgraph/money';

/**
 * The distribution waterfall of a pool with carried interest, European (whole-fund) style, as a
 * pure function of bigint minor units. Each distribution pays, in order:
 *
 * 1. return of capital: every member's unreturned capital (capital − distributed so far);
 * 2. preferred return: every member's accrued preferred return not yet covered by the profit
 *    they have received so far (distributed beyond their capital);
 * 3. catch-up (FULL only): everything to the manager until the carry paid equals
 *    carry / (1 − carry) of the members' profit, i.e. the carry's percentage of all profit;
 * 4. the split: the carry's percentage of the rest to the manager, the rest to the members
 *    pro rata to their capital.
 *
 * The tiers are recomputed from the cumulative position at every distribution (what each member
 * has had back, the carry paid so far), so a series of small distributions pays what one large
 * one would, and the manager never holds carry while any member's capital is unreturned.
 *
 * Rounding, one rule: a tier's total is exact; it is split over members with the largest-
 * remainder method (`splitProRata`, members ordered by investor id, ties to the lower id), so
 * the parts sum to the tier and every cent of `amount` is paid to someone. The manager's share
 * of the split is rounded down (the odd cent goes to the members), so the carry never exceeds
 * its percentage of the profit.
 *
 * Who bears the carry: without carry, tiers 3 and 4 would go to the members pro rata to their
 * capital (their pre-carry share); the carry (catch-up + carried interest) is what the waterfall
 * takes from that, so each member bears it pro rata to capital too, split with the same
 * largest-remainder rule (`splitCarry`): the parts are never negative and sum to the carry, and a
 * member's pre-carry share is their profit share plus the carry they bear.
 */
export interface WaterfallTerms {
  /** The carried interest in basis points, 0 < carryBps < 10000. */
  carryBps: number;
  catchUp: 'NONE' | 'FULL';
}

export interface WaterfallMember {
  investorId: string;
  /** Net contributed capital (contributed − withdrawn): what return of capital gives back. */
  capital: bigint;
  /** Everything distributed to the member so far (their shares, never carry). */
  distributed: bigint;
  /** The preferred return accrued to the distribution's date (0 without a hurdle). */
  preferred: bigint;
}

export interface WaterfallInput {
  amount: bigint;
  terms: WaterfallTerms;
  /** Members with capital, ordered by investor id (the tie-break of every split). */
  members: readonly WaterfallMember[];
  /** Carry paid to the manager by earlier distributions. */
  carryPaid: bigint;
}

export interface MemberTiers {
  investorId: string;
  returnOfCapital: bigint;
  preferredReturn: bigint;
  /** The member's part of the split (tier 4). */
  profitShare: bigint;
  total: bigint;
}

export interface WaterfallResult {
  members: MemberTiers[];
  /** Tier 3, to the manager. */
  catchUp: bigint;
  /** The manager's part of the split (tier 4). */
  carriedInterest: bigint;
  /** catchUp + carriedInterest: the carry this distribution pays. */
  carry: bigint;
  /** Each member's part of the carry (ordered as `members`, summing to `carry`). */
  carryBorne: MemberCarry[];
}

export interface MemberCarry {
  investorId: string;
  /** The carry this member bears: their pre-carry share less their profit share. */
  amount: bigint;
}

/**
 * Splits a carry over the members who bear it: pro rata to their capital (net contributed
 * capital), largest remainder, ties to the lower id (members ordered by investor id). Used for
 * the carry of a distribution posted at once and for a pending one when it is posted.
 */
export function splitCarry(
  carry: bigint,
  members: ReadonlyArray<{ investorId: string; capital: bigint }>,
): MemberCarry[] {
  const parts =
    carry === 0n
      ? members.map(() => 0n)
      : splitProRata(
          carry,
          members.map((m) => m.capital),
        );
  return members.map((m, n) => ({ investorId: m.investorId, amount: parts[n]! }));
}

const BPS = 10000n;
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const positive = (a: bigint) => (a > 0n ? a : 0n);

/** Pays up to `available` toward each owed amount: all of them, or pro rata to what is owed. */
function payOwed(available: bigint, owed: readonly bigint[]): bigint[] {
  const total = owed.reduce((a, b) => a + b, 0n);
  if (total === 0n || available === 0n) return owed.map(() => 0n);
  if (available >= total) return [...owed];
  return splitProRata(available, owed);
}

export function runWaterfall(input: WaterfallInput): WaterfallResult {
  const { amount, terms, members, carryPaid } = input;
  const carryBps = BigInt(terms.carryBps);
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (carryBps <= 0n || carryBps >= BPS) throw new RangeError('carryBps must be in (0, 10000)');
  if (members.length === 0) throw new RangeError('a waterfall needs members with capital');
  if (members.some((m) => m.capital <= 0n || m.distributed < 0n || m.preferred < 0n)) {
    throw new RangeError('members need positive capital and non-negative figures');
  }
  let left = amount;

  const capitalOwed = members.map((m) => positive(m.capital - m.distributed));
  const roc = payOwed(left, capitalOwed);
  left -= roc.reduce((a, b) => a + b, 0n);

  // Profit already received (distributed beyond capital) counts against the preferred return.
  const profitSoFar = members.map((m) => positive(m.distributed - m.capital));
  const preferredOwed = members.map((m, n) => positive(m.preferred - profitSoFar[n]!));
  const pref = payOwed(left, preferredOwed);
  left -= pref.reduce((a, b) => a + b, 0n);

  let catchUp = 0n;
  if (terms.catchUp === 'FULL') {
    const memberProfit = [...profitSoFar, ...pref].reduce((a, b) => a + b, 0n);
    // The carry that makes the manager's share of all profit exactly carryBps, rounded down.
    const target = (memberProfit * carryBps) / (BPS - carryBps);
    catchUp = min(left, positive(target - carryPaid));
    left -= catchUp;
  }

  const carriedInterest = (left * carryBps) / BPS;
  const membersSplit = left - carriedInterest;
  const split =
    membersSplit === 0n
      ? members.map(() => 0n)
      : splitProRata(
          membersSplit,
          members.map((m) => m.capital),
        );

  return {
    members: members.map((m, n) => {
      const parts = { returnOfCapital: roc[n]!, preferredReturn: pref[n]!, profitShare: split[n]! };
      return {
        investorId: m.investorId,
        ...parts,
        total: parts.returnOfCapital + parts.preferredReturn + parts.profitShare,
      };
    }),
    catchUp,
    carriedInterest,
    carry: catchUp + carriedInterest,
    carryBorne: splitCarry(catchUp + carriedInterest, members),
  };
}
