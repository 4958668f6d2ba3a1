import { describe, expect, it } from 'vitest';
import type { DailyMovementRow } from '../data/movements.ts';
import { poolMetrics } from './poolMetrics.ts';

const A = '00000000-0000-7000-8000-00000000000a';
const B = '00000000-0000-7000-8000-00000000000b';
const C = '00000000-0000-7000-8000-00000000000c';

// In cents. 2023-01-01: A pays 600.00, B 400.00. 2023-07-01 valued at 1,100.00.
// 2024-01-01: 200.00 distributed (A 120.00, B 80.00), 10.00 of fees (A 6.00, B 4.00).
const daily: DailyMovementRow[] = [
  { investorId: A, day: '2023-01-01', type: 'CONTRIBUTION', total: 60_000n },
  { investorId: B, day: '2023-01-01', type: 'CONTRIBUTION', total: 40_000n },
  { investorId: A, day: '2024-01-01', type: 'DISTRIBUTION', total: 12_000n },
  { investorId: B, day: '2024-01-01', type: 'DISTRIBUTION', total: 8_000n },
  { investorId: A, day: '2024-01-01', type: 'FEE', total: 600n },
  { investorId: B, day: '2024-01-01', type: 'FEE', total: 400n },
];
const totals = (investorId: string, contributed: bigint, distributed: bigint, fees: bigint) => ({
  investorId,
  poolId: 'p',
  currency: 'USD',
  contributed,
  distributed,
  fees,
  withdrawn: 0n,
  proceeds: 0n,
  carry: 0n,
});
const input = {
  poolId: 'p',
  currency: 'USD',
  totals: {
    contributed: 100_000n,
    distributed: 20_000n,
    fees: 1_000n,
    withdrawn: 0n,
    proceeds: 0n,
  },
  latestValuation: { date: '2023-07-01', valueMinor: 110_000n },
  daily,
  investors: [totals(B, 40_000n, 8_000n, 400n), totals(A, 60_000n, 12_000n, 600n)],
};

describe('a pool’s metrics from its valuation and movements', () => {
  const m = poolMetrics(input);

  it('moves the valuation by the flows after its day: 1,100 − 200 − 10 = 890', () => {
    expect(m.nav).toBe(89_000n);
    expect(m.navDate).toBe('2024-01-01');
  });

  it('states the multiples over net paid-in: DPI 0.2, RVPI 0.89, TVPI 1.09, MOIC 1.1', () => {
    expect(m).toMatchObject({ dpi: '0.200000', rvpi: '0.890000', tvpi: '1.090000' });
    expect(m.moic).toBe('1.100000');
  });

  it('computes the IRR of −1,000 then +200 and +890 a year later: 9 %', () => {
    expect(m.irr).toBe('0.090000');
  });

  it('shares NAV 60 : 40 by net contributed capital, investors by id', () => {
    expect(m.investors.map((i) => [i.investorId, i.navShare, i.tvpi, i.irr])).toEqual([
      [A, 53_400n, '1.090000', '0.090000'],
      [B, 35_600n, '1.090000', '0.090000'],
    ]);
  });

  it('gives the odd cent to the largest remainder, so the shares sum to NAV', () => {
    const three = poolMetrics({
      ...input,
      latestValuation: { date: '2024-01-01', valueMinor: 100n },
      investors: [totals(A, 1n, 0n, 0n), totals(B, 1n, 0n, 0n), totals(C, 1n, 0n, 0n)],
    });
    expect(three.investors.map((i) => i.navShare)).toEqual([34n, 33n, 33n]);
  });

  it('gives a fully withdrawn investor no share, and has no NAV without a valuation', () => {
    const out = { ...totals(C, 5_000n, 0n, 0n), withdrawn: 5_000n };
    const withOut = poolMetrics({ ...input, investors: [...input.investors, out] });
    expect(withOut.investors.find((i) => i.investorId === C)).toMatchObject({
      navShare: 0n,
      dpi: null,
      tvpi: null,
    });
    const none = poolMetrics({ ...input, latestValuation: null });
    expect(none).toMatchObject({ nav: null, navDate: null, tvpi: null, irr: null });
    expect(none.investors.every((i) => i.navShare === null && i.irr === null)).toBe(true);
  });
});
