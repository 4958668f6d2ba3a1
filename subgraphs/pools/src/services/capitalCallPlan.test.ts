import { describe, expect, it } from 'vitest';
import { callTotal, planCallAmounts, settleFromCredit } from './capitalCallPlan.ts';
import { parsePercent } from './percent.ts';

const members = (...commitments: bigint[]) =>
  commitments.map((commitmentMinor, n) => ({
    investorId: `i${n}`,
    commitmentMinor,
    calledSoFarMinor: 0n,
  }));

describe('capital call amounts', () => {
  it('rounds the total half up to a whole minor unit', () => {
    expect(callTotal(30_000n, parsePercent(33.335, 'p'))).toBe(10_001n); // 10 000.5
    expect(callTotal(30_000n, parsePercent(33.3349, 'p'))).toBe(10_000n); // 10 000.47
  });

  it('splits by largest remainder so the parts sum to the total', () => {
    const parts = planCallAmounts(
      members(10_000n, 10_000n, 10_000n),
      parsePercent(33.33, 'p'),
      false,
    );
    expect(parts).toEqual([3333n, 3333n, 3333n]);
    const odd = planCallAmounts(members(1n, 1n, 1n), parsePercent(50, 'p'), false);
    expect(odd.reduce((a, b) => a + b, 0n)).toBe(2n); // 1.5 rounds up to 2
    expect(odd).toEqual([1n, 1n, 0n]);
  });

  it('calls exactly what remains of each commitment on the call that completes 100%', () => {
    const completing = planCallAmounts(
      [
        { investorId: 'a', commitmentMinor: 1n, calledSoFarMinor: 1n },
        { investorId: 'b', commitmentMinor: 1n, calledSoFarMinor: 0n },
        { investorId: 'late', commitmentMinor: 500n, calledSoFarMinor: 0n },
      ],
      parsePercent(50, 'p'),
      true,
    );
    expect(completing).toEqual([0n, 1n, 500n]);
  });

  it('settles a new item from credit, never above what is called', () => {
    expect(settleFromCredit(300n, 50n)).toEqual({ paidMinor: 50n, creditLeft: 0n });
    expect(settleFromCredit(300n, 500n)).toEqual({ paidMinor: 300n, creditLeft: 200n });
  });
});

describe('parsePercent', () => {
  it('reads the decimal the client sent, up to 4 places', () => {
    expect(parsePercent(33.33, 'p')).toBe(333_300n);
    expect(parsePercent(0.0001, 'p')).toBe(1n);
    expect(parsePercent(100, 'p')).toBe(1_000_000n);
  });

  it.each([0, -1, 100.0001, 33.33333, 1e-7])('rejects %s', (value) => {
    expect(() => parsePercent(value, 'percent')).toThrow(/percent/);
  });
});
