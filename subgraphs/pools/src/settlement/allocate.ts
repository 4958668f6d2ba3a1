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
