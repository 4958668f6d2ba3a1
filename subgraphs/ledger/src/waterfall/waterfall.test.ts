import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWaterfall, type WaterfallMember, type WaterfallTerms } from './waterfall.ts';

const CARRY_20: WaterfallTerms = { carryBps: 2000, catchUp: 'NONE' };
const CARRY_20_FULL: WaterfallTerms = { carryBps: 2000, catchUp: 'FULL' };
const member = (investorId: string, capital: bigint, distributed = 0n, preferred = 0n) => ({
  investorId,
  capital,
  distributed,
  preferred,
});

describe('the waterfall, hand-worked examples (amounts in cents)', () => {
  it('returns capital first, then splits the profit 80/20 without a hurdle', () => {
    // A put in $600, B $400; $1,500 is distributed. Capital back: A $600, B $400. Profit $500:
    // carry 20 % = $100; the members' $400 split 60/40 = A $240, B $160.
    const result = runWaterfall({
      amount: 150_000n,
      terms: CARRY_20,
      members: [member('a', 60_000n), member('b', 40_000n)],
      carryPaid: 0n,
    });
    expect(result.members).toEqual([
      {
        investorId: 'a',
        returnOfCapital: 60_000n,
        preferredReturn: 0n,
        profitShare: 24_000n,
        total: 84_000n,
      },
      {
        investorId: 'b',
        returnOfCapital: 40_000n,
        preferredReturn: 0n,
        profitShare: 16_000n,
        total: 56_000n,
      },
    ]);
    expect(result).toMatchObject({ catchUp: 0n, carriedInterest: 10_000n, carry: 10_000n });
    // Without carry the members' $500 of profit would be $300 / $200 (their pre-carry shares):
    // each bears the difference, $60 / $40, the $100 carry pro rata to capital.
    expect(result.carryBorne).toEqual([
      { investorId: 'a', amount: 6_000n },
      { investorId: 'b', amount: 4_000n },
    ]);
  });

  it('splits a carry the members bear by capital, largest remainder, ties to the lower id', () => {
    // 40 cents of carry over three equal members: 14 / 13 / 13 cents, the odd one to the lowest id.
    const result = runWaterfall({
      amount: 500n,
      terms: { carryBps: 2000, catchUp: 'NONE' },
      members: [member('a', 100n), member('b', 100n), member('c', 100n)],
      carryPaid: 0n,
    });
    expect(result.carry).toBe(40n);
    expect(result.carryBorne.map((b) => b.amount)).toEqual([14n, 13n, 13n]);
  });

  it('pays an 8 % preferred return, a full catch-up, then the 80/20 split', () => {
    // $1,000,000 in for a year, 8 % hurdle: the preferred return is $80,000. $1,500,000 out:
    // capital $1,000,000; preferred $80,000; catch-up until the manager holds 20 % of the
    // profit paid so far: 80,000 × 0.2 / 0.8 = $20,000; the $400,000 left split 80/20 =
    // $320,000 to the member and $80,000 carry. Carry $100,000 = 20 % of the $500,000 profit.
    const result = runWaterfall({
      amount: 150_000_000n,
      terms: CARRY_20_FULL,
      members: [member('a', 100_000_000n, 0n, 8_000_000n)],
      carryPaid: 0n,
    });
    expect(result.members[0]).toEqual({
      investorId: 'a',
      returnOfCapital: 100_000_000n,
      preferredReturn: 8_000_000n,
      profitShare: 32_000_000n,
      total: 140_000_000n,
    });
    expect(result).toMatchObject({
      catchUp: 2_000_000n,
      carriedInterest: 8_000_000n,
      carry: 10_000_000n,
    });
  });

  it('pays in two distributions what it pays in one (whole-fund, cumulative)', () => {
    // The same fund: first $1,050,000 (capital back and $50,000 of the preferred return, no
    // carry yet), then $450,000: the $30,000 preferred left, the $20,000 catch-up, and the
    // $400,000 split. Together exactly the single distribution above.
    const first = runWaterfall({
      amount: 105_000_000n,
      terms: CARRY_20_FULL,
      members: [member('a', 100_000_000n, 0n, 8_000_000n)],
      carryPaid: 0n,
    });
    expect(first.members[0]).toMatchObject({
      returnOfCapital: 100_000_000n,
      preferredReturn: 5_000_000n,
    });
    expect(first.carry).toBe(0n);
    const second = runWaterfall({
      amount: 45_000_000n,
      terms: CARRY_20_FULL,
      members: [member('a', 100_000_000n, 105_000_000n, 8_000_000n)],
      carryPaid: 0n,
    });
    expect(second.members[0]).toMatchObject({
      returnOfCapital: 0n,
      preferredReturn: 3_000_000n,
      profitShare: 32_000_000n,
    });
    expect(second).toMatchObject({ catchUp: 2_000_000n, carriedInterest: 8_000_000n });
  });

  it('pays no carry while any capital is unreturned, and splits capital by what is owed', () => {
    // Three members of $100 each, $1.00 distributed: 34/33/33 cents, the odd cent to the lowest id.
    const result = runWaterfall({
      amount: 100n,
      terms: CARRY_20_FULL,
      members: [member('a', 10_000n), member('b', 10_000n), member('c', 10_000n)],
      carryPaid: 0n,
    });
    expect(result.members.map((m) => m.returnOfCapital)).toEqual([34n, 33n, 33n]);
    expect(result.carry).toBe(0n);
  });

  it('rounds the carry down: the odd cent of the split goes to the members', () => {
    // $0.09 of profit at 20 %: 1.8 cents of carry → 1 cent; the members get 8.
    const result = runWaterfall({
      amount: 10_009n,
      terms: CARRY_20,
      members: [member('a', 10_000n)],
      carryPaid: 0n,
    });
    expect(result.carriedInterest).toBe(1n);
    expect(result.members[0]!.profitShare).toBe(8n);
  });
});

/** Members with capital, ordered by id; preferred returns up to half their capital. */
const membersArb = fc
  .array(
    fc.record({
      capital: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      prefPercent: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) =>
    rows.map((r, n): WaterfallMember => ({
      investorId: `m${n}`,
      capital: r.capital,
      distributed: 0n,
      preferred: (r.capital * BigInt(r.prefPercent)) / 100n,
    })),
  );
const termsArb = fc.record({
  carryBps: fc.integer({ min: 1, max: 5000 }),
  catchUp: fc.constantFrom('NONE' as const, 'FULL' as const),
});

describe('the waterfall, generated cases', () => {
  it('accounts for every cent, never pays carry before capital and never more than its share of profit', () => {
    fc.assert(
      fc.property(
        membersArb,
        termsArb,
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 13n }), { minLength: 1, maxLength: 5 }),
        (start, terms, amounts) => {
          let members = start;
          let carryPaid = 0n;
          const capital = members.reduce((a, m) => a + m.capital, 0n);
          for (const amount of amounts) {
            const result = runWaterfall({ amount, terms, members, carryPaid });
            const paid = result.members.reduce((a, m) => a + m.total, 0n) + result.carry;
            expect(paid).toBe(amount);
            for (const m of result.members) {
              expect(m.returnOfCapital >= 0n && m.preferredReturn >= 0n).toBe(true);
              expect(m.profitShare >= 0n).toBe(true);
            }
            // The members bear the carry: never a negative part, and the parts sum to it.
            expect(result.carryBorne.map((b) => b.investorId)).toEqual(
              members.map((m) => m.investorId),
            );
            expect(result.carryBorne.every((b) => b.amount >= 0n)).toBe(true);
            expect(result.carryBorne.reduce((a, b) => a + b.amount, 0n)).toBe(result.carry);
            members = members.map((m, n) => ({
              ...m,
              distributed: m.distributed + result.members[n]!.total,
            }));
            carryPaid += result.carry;
            if (result.carry > 0n) {
              // No member below their capital back (and preferred return) once carry is paid.
              for (const m of members) {
                expect(m.distributed >= m.capital + m.preferred).toBe(true);
              }
            }
            // The carry paid so far is at most its percentage of the profit paid so far.
            const profit = members.reduce((a, m) => a + m.distributed, 0n) + carryPaid - capital;
            const allowed = profit > 0n ? (profit * BigInt(terms.carryBps)) / 10000n : 0n;
            expect(carryPaid <= allowed).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
