import { splitProRata } from '@poolgraph/money';
import { HUNDRED_PERCENT } from './percent.ts';

/**
 * The total a call of `percent` (scaled, see percent.ts) asks of commitments summing to `sum`:
 * rounded half up to a whole minor unit.
 */
export function callTotal(sum: bigint, percent: bigint): bigint {
  return (sum * percent * 2n + HUNDRED_PERCENT) / (2n * HUNDRED_PERCENT);
}

export interface CallMember {
  investorId: string;
  commitmentMinor: bigint;
  /** What earlier calls of the pool asked of this member. */
  calledSoFarMinor: bigint;
}

/**
 * Each member's part of a call, in the order given (callers pass members by investor id, so
 * the extra minor units of the largest-remainder split are deterministic). The call that brings
 * the pool to 100 % asks each member exactly what remains of their commitment, so rounding
 * never leaves a commitment under- or over-called, and members who joined after earlier calls
 * catch up.
 */
export function planCallAmounts(
  members: readonly CallMember[],
  percent: bigint,
  completesCommitments: boolean,
): bigint[] {
  if (completesCommitments) {
    return members.map((m) => {
      const remaining = m.commitmentMinor - m.calledSoFarMinor;
      return remaining > 0n ? remaining : 0n;
    });
  }
  const commitments = members.map((m) => m.commitmentMinor);
  const total = callTotal(
    commitments.reduce((a, b) => a + b, 0n),
    percent,
  );
  return splitProRata(total, commitments);
}

/** Settles a new item from the member's unapplied credit (contributions made before the call). */
export function settleFromCredit(
  calledMinor: bigint,
  creditMinor: bigint,
): { paidMinor: bigint; creditLeft: bigint } {
  const paidMinor = creditMinor < calledMinor ? creditMinor : calledMinor;
  return { paidMinor, creditLeft: creditMinor - paidMinor };
}
