import { describe, expect, it } from 'vitest';
import type { PoolTermsFieldsFragment } from '../__generated__/graphql.ts';
import { carryText, feeText, formatBps } from './TermsSummary.tsx';

const terms = (over: Partial<PoolTermsFieldsFragment> = {}): PoolTermsFieldsFragment => ({
  version: 1,
  managementFeeBps: 200,
  feeBasis: 'COMMITMENTS',
  feeFrequency: 'ANNUAL',
  feeHolidayMonths: 0,
  carryBps: 2000,
  hurdleBps: 800,
  hurdleCompounding: 'COMPOUND',
  catchUp: 'FULL',
  ...over,
});

describe('fund terms as text', () => {
  it('shows basis points as an exact percentage', () => {
    expect([formatBps(2000), formatBps(250), formatBps(5), formatBps(0)]).toEqual([
      '20 %',
      '2.5 %',
      '0.05 %',
      '0 %',
    ]);
  });

  it('says the fee, its basis, frequency and holiday', () => {
    expect(feeText(terms())).toBe('2 % a year on commitments');
    expect(
      feeText(
        terms({ feeFrequency: 'QUARTERLY', feeBasis: 'INVESTED_CAPITAL', feeHolidayMonths: 3 }),
      ),
    ).toBe('2 % a year, charged quarterly on invested capital, first 3 months free');
    expect(feeText(terms({ managementFeeBps: 0 }))).toBe('No management fee');
  });

  it('says the carry, the preferred return and the catch-up', () => {
    expect(carryText(terms())).toBe(
      '20 % carry over a preferred return of 8 % a year (compounding), full catch-up',
    );
    expect(carryText(terms({ hurdleBps: 0, catchUp: 'NONE' }))).toBe('20 % carry');
    expect(carryText(terms({ carryBps: 0 }))).toBe('No carried interest (distributions pro rata)');
  });
});
