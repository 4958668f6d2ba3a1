import { describe, expect, it } from 'vitest';
import { accruedPreferred, capitalFlows } from './preferredReturn.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('the preferred return', () => {
  it('accrues simple interest by the day, actual/365, rounded down once', () => {
    // $1,000,000 at 8 % for 200 days: 100,000,000 × 0.08 × 200 / 365 = 4,383,561.64 cents.
    const flows = [{ at: day('2025-01-01'), amount: 100_000_000n }];
    expect(accruedPreferred(flows, day('2025-07-20'), 800, 'SIMPLE')).toBe(4_383_561n);
  });

  it('compounds once per whole year and is simple within the last one', () => {
    // 730 days: 1.08² − 1 = 16.64 % → $166,400.00 exactly.
    const flows = [{ at: day('2024-01-01'), amount: 100_000_000n }];
    expect(accruedPreferred(flows, day('2025-12-31'), 800, 'COMPOUND')).toBe(16_640_000n);
    // 547 days = 1 year + 182 days: 1.08 × (1 + 0.08 × 182/365) − 1 = 12.3081643…% → 12,308,164.
    const later = [{ at: day('2024-01-01'), amount: 100_000_000n }];
    expect(accruedPreferred(later, day('2025-07-01'), 800, 'COMPOUND')).toBe(12_308_164n);
  });

  it('stops accruing on capital returned, from the day it was returned', () => {
    // $1,000 in on day 0; $400 back on day 100 (capital first); measured on day 365 at 10 %:
    // 1000 × 0.1 × 365/365 − 400 × 0.1 × 265/365 = 100 − 29.041… = $70.95 (7095 cents, down).
    const flows = capitalFlows([
      { type: 'CONTRIBUTION', amount: 100_000n, at: day('2025-01-01') },
      { type: 'DISTRIBUTION', amount: 40_000n, at: day('2025-04-11') },
    ]);
    expect(flows.map((f) => f.amount)).toEqual([100_000n, -40_000n]);
    expect(accruedPreferred(flows, day('2026-01-01'), 1000, 'SIMPLE')).toBe(7_095n);
  });

  it('counts distributions beyond the capital as profit, which returns no capital', () => {
    const flows = capitalFlows([
      { type: 'CONTRIBUTION', amount: 100n, at: day('2025-01-01') },
      { type: 'DISTRIBUTION', amount: 150n, at: day('2025-02-01') },
      { type: 'DISTRIBUTION', amount: 10n, at: day('2025-03-01') },
    ]);
    expect(flows.map((f) => f.amount)).toEqual([100n, -100n]);
  });

  it('is zero without a hurdle or before a day has passed', () => {
    const flows = [{ at: day('2025-01-01'), amount: 100_000n }];
    expect(accruedPreferred(flows, day('2026-01-01'), 0, 'SIMPLE')).toBe(0n);
    expect(accruedPreferred(flows, day('2025-01-01'), 800, 'COMPOUND')).toBe(0n);
  });
});
