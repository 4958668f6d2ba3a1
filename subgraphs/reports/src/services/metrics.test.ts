import { describe, expect, it } from 'vitest';
import { formatRate, multiples, netAssetValue, ratio, xirr } from './metrics.ts';

// Hand-worked pool, in cents: 1,000.00 paid in, 100.00 withdrawn (net paid-in 900.00),
// 300.00 distributed, 90.00 of fees, valued at 810.00 today.
const pool = { contributed: 100_000n, withdrawn: 10_000n, distributed: 30_000n, fees: 9_000n };
const nav = 81_000n;

describe('ratios', () => {
  it('divides exactly to six decimals, rounding down', () => {
    expect(ratio(25n, 100n)).toBe('0.250000');
    expect(ratio(2n, 3n)).toBe('0.666666');
    expect(ratio(7n, 2n)).toBe('3.500000');
    expect(ratio(0n, 5n)).toBe('0.000000');
  });

  it('is undefined without a positive denominator', () => {
    expect(ratio(5n, 0n)).toBeNull();
    expect(ratio(5n, -1n)).toBeNull();
  });
});

describe('multiples over net paid-in capital', () => {
  const m = multiples(pool, nav);

  it('DPI is distributions over net paid-in: 300 / 900', () => {
    expect(m.dpi).toBe('0.333333');
  });

  it('RVPI is NAV over net paid-in: 810 / 900', () => {
    expect(m.rvpi).toBe('0.900000');
  });

  it('TVPI is distributions plus NAV over net paid-in: 1,110 / 900', () => {
    expect(m.tvpi).toBe('1.233333');
  });

  it('MOIC adds the fees back (gross of fees): 1,200 / 900', () => {
    expect(m.moic).toBe('1.333333');
  });

  it('has only DPI before the first valuation, and nothing before any capital', () => {
    expect(multiples(pool, null)).toEqual({ dpi: '0.333333', rvpi: null, tvpi: null, moic: null });
    const none = { contributed: 0n, withdrawn: 0n, distributed: 0n, fees: 0n };
    expect(multiples(none, 0n)).toEqual({ dpi: null, rvpi: null, tvpi: null, moic: null });
  });
});

describe('NAV', () => {
  it('is the latest valuation moved by the flows after its day', () => {
    // 1,000.00 valued, then +50.00 in, −200.00 distributed, −10.00 withdrawn, −5.00 fees.
    const after = { contributed: 5_000n, distributed: 20_000n, withdrawn: 1_000n, fees: 500n };
    expect(netAssetValue(100_000n, after)).toBe(83_500n);
  });

  it('is the valuation itself with nothing after it, and never negative', () => {
    const nothing = { contributed: 0n, distributed: 0n, withdrawn: 0n, fees: 0n };
    expect(netAssetValue(12_345n, nothing)).toBe(12_345n);
    expect(netAssetValue(100n, { ...nothing, distributed: 500n })).toBe(0n);
  });
});

describe('IRR (XIRR over dated flows)', () => {
  it("matches the spreadsheet's documented XIRR example: 37.336 %", () => {
    // The example in the XIRR function's help of the common spreadsheets (Excel, LibreOffice,
    // Google Sheets): =XIRR(values, dates) returns 0.373362535.
    const rate = xirr([
      { day: '2008-01-01', amount: -10_000n },
      { day: '2008-03-01', amount: 2_750n },
      { day: '2008-10-30', amount: 4_250n },
      { day: '2009-02-15', amount: 3_250n },
      { day: '2009-04-01', amount: 2_750n },
    ]);
    expect(rate).toBeCloseTo(0.373362535, 8);
    expect(formatRate(rate)).toBe('0.373363');
  });

  it('is 10 % for 1,000 that became 1,100 after 365 days', () => {
    const rate = xirr([
      { day: '2023-01-01', amount: -100_000n },
      { day: '2024-01-01', amount: 110_000n },
    ]);
    expect(formatRate(rate)).toBe('0.100000');
  });

  it('is −50 % for half lost in a year, and 3,100 % for money doubled in 73 days', () => {
    const loss = xirr([
      { day: '2023-01-01', amount: -1_000n },
      { day: '2024-01-01', amount: 500n },
    ]);
    expect(formatRate(loss)).toBe('-0.500000');
    // (1 + r)^(73/365) = 2, so r = 2^5 − 1 = 31.
    const doubled = xirr([
      { day: '2023-01-01', amount: -100n },
      { day: '2023-03-15', amount: 200n },
    ]);
    expect(formatRate(doubled)).toBe('31.000000');
  });

  it('sums flows of the same day and ignores zero flows', () => {
    const rate = xirr([
      { day: '2023-01-01', amount: -60_000n },
      { day: '2023-01-01', amount: -40_000n },
      { day: '2023-06-01', amount: 0n },
      { day: '2024-01-01', amount: 110_000n },
    ]);
    expect(formatRate(rate)).toBe('0.100000');
  });

  it('is null without a sign change, or when every flow falls on one day', () => {
    expect(xirr([{ day: '2023-01-01', amount: -100n }])).toBeNull();
    expect(
      xirr([
        { day: '2023-01-01', amount: 100n },
        { day: '2024-01-01', amount: 100n },
      ]),
    ).toBeNull();
    expect(
      xirr([
        { day: '2023-01-01', amount: -100n },
        { day: '2023-01-01', amount: 50n },
      ]),
    ).toBeNull();
    expect(formatRate(null)).toBeNull();
  });

  it('falls back to bisection when Newton leaves the domain: a near-total loss', () => {
    // Newton from 10 % overshoots below −100 % here; the root is 1/1000 − 1 (one year).
    const rate = xirr([
      { day: '2023-01-01', amount: -1_000_000n },
      { day: '2024-01-01', amount: 1_000n },
    ]);
    expect(formatRate(rate)).toBe('-0.999000');
  });
});
