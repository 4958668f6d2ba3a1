import { describe, expect, it } from 'vitest';
import { allocateContribution, allocateWithdrawal } from './allocate.ts';

const item = (callId: string, calledMinor: bigint, paidMinor = 0n) => ({
  callId,
  calledMinor,
  paidMinor,
});

describe('allocateContribution', () => {
  it('pays items in the order given, each in full before the next', () => {
    const result = allocateContribution(350n, [item('a', 300n), item('b', 400n)]);
    expect(result).toEqual({
      payments: [
        { callId: 'a', paidMinor: 300n },
        { callId: 'b', paidMinor: 50n },
      ],
      leftoverMinor: 0n,
    });
  });

  it('tops up a partly paid item and returns what is left as credit', () => {
    const result = allocateContribution(500n, [item('a', 300n, 250n), item('b', 100n)]);
    expect(result.payments).toEqual([
      { callId: 'a', paidMinor: 300n },
      { callId: 'b', paidMinor: 100n },
    ]);
    expect(result.leftoverMinor).toBe(350n);
  });

  it('keeps the whole amount as credit when nothing is owed', () => {
    expect(allocateContribution(42n, [])).toEqual({ payments: [], leftoverMinor: 42n });
  });
});

describe('allocateWithdrawal', () => {
  const paid = (callId: string, paidMinor: bigint) => ({ callId, paidMinor });

  it('takes from credit first and leaves paid items alone when credit covers it', () => {
    expect(allocateWithdrawal(150n, 200n, [paid('new', 300n)])).toEqual({
      creditMinor: 50n,
      reductions: [],
    });
  });

  it('then reduces paid items in the order given, each to zero before the next', () => {
    expect(allocateWithdrawal(450n, 100n, [paid('new', 200n), paid('old', 300n)])).toEqual({
      creditMinor: 0n,
      reductions: [
        { callId: 'new', paidMinor: 0n },
        { callId: 'old', paidMinor: 150n },
      ],
    });
  });

  it('zeroes credit and every paid item when the withdrawal is larger than both', () => {
    expect(allocateWithdrawal(10_000n, 100n, [paid('a', 200n)])).toEqual({
      creditMinor: 0n,
      reductions: [{ callId: 'a', paidMinor: 0n }],
    });
  });
});
