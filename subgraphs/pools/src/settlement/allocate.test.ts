import { describe, expect, it } from 'vitest';
import { allocateContribution } from './allocate.ts';

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
