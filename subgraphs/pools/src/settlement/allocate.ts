/** A capital call item with something left to pay, as settlement sees it. */
export interface OpenItem {
  callId: string;
  calledMinor: bigint;
  paidMinor: bigint;
}

export interface Allocation {
  /** The items whose paid amount changes, with their new paid amount. */
  payments: Array<{ callId: string; paidMinor: bigint }>;
  /** What the contribution leaves after every open item is paid: the member's new credit. */
  leftoverMinor: bigint;
}

/**
 * Spreads one contribution over a member's open items in the order given (oldest due first):
 * each item is paid up before the next gets anything. Pure, so the FIFO rule is unit-tested.
 */
export function allocateContribution(amountMinor: bigint, items: readonly OpenItem[]): Allocation {
  if (amountMinor < 0n) throw new RangeError('a contribution is never negative');
  let left = amountMinor;
  const payments: Allocation['payments'] = [];
  for (const item of items) {
    if (left === 0n) break;
    const owed = item.calledMinor - item.paidMinor;
    if (owed <= 0n) continue;
    const pay = owed < left ? owed : left;
    payments.push({ callId: item.callId, paidMinor: item.paidMinor + pay });
    left -= pay;
  }
  return { payments, leftoverMinor: left };
}

/** A capital call item with something paid, as a withdrawal sees it. */
export interface PaidItem {
  callId: string;
  paidMinor: bigint;
}

export interface Reversal {
  /** The member's credit after the withdrawal. */
  creditMinor: bigint;
  /** The items whose paid amount goes down, with their new paid amount. */
  reductions: Array<{ callId: string; paidMinor: bigint }>;
}

/**
 * Takes a withdrawal back from what the member's contributions built: their unallocated credit
 * first, then the paid amounts of the items in the order given (newest due first), never
 * below zero. A withdrawal above credit + paid zeroes them; no debt is carried to later
 * contributions. So a contribute-then-withdraw round trip ends where it started.
 */
export function allocateWithdrawal(
  amountMinor: bigint,
  creditMinor: bigint,
  items: readonly PaidItem[],
): Reversal {
  if (amountMinor < 0n) throw new RangeError('a withdrawal is never negative');
  const fromCredit = creditMinor < amountMinor ? creditMinor : amountMinor;
  let left = amountMinor - fromCredit;
  const reductions: Reversal['reductions'] = [];
  for (const item of items) {
    if (left === 0n) break;
    if (item.paidMinor <= 0n) continue;
    const take = item.paidMinor < left ? item.paidMinor : left;
    reductions.push({ callId: item.callId, paidMinor: item.paidMinor - take });
    left -= take;
  }
  return { creditMinor: creditMinor - fromCredit, reductions };
}
