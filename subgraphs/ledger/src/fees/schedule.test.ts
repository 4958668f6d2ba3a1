import { describe, expect, it } from 'vitest';
import {
  addMonthsUtc,
  duePeriods,
  periodAt,
  periodFee,
  periodKey,
  periodNote,
} from './schedule.ts';

const at = (iso: string) => new Date(iso);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('addMonthsUtc', () => {
  it('keeps the day and the time of day in UTC', () => {
    expect(addMonthsUtc(at('2026-01-15T09:30:00.000Z'), 3).toISOString()).toBe(
      '2026-04-15T09:30:00.000Z',
    );
  });

  it('clamps a day the month lacks to its last day, and crosses years', () => {
    expect(day(addMonthsUtc(at('2026-01-31T00:00:00Z'), 1))).toBe('2026-02-28');
    expect(day(addMonthsUtc(at('2028-01-31T00:00:00Z'), 1))).toBe('2028-02-29');
    expect(day(addMonthsUtc(at('2026-11-30T00:00:00Z'), 3))).toBe('2027-02-28');
    expect(day(addMonthsUtc(at('2028-02-29T00:00:00Z'), 12))).toBe('2029-02-28');
    expect(day(addMonthsUtc(at('2028-02-29T00:00:00Z'), 48))).toBe('2032-02-29');
  });
});

describe('the periods of a schedule', () => {
  const opened = at('2026-01-31T12:00:00.000Z');

  it('starts quarters three months apart from the opening, each counted from the opening (no drift after a short month)', () => {
    const terms = { frequency: 'QUARTERLY' as const, holidayMonths: 0 };
    const starts = [0, 1, 2, 3, 4].map((n) => day(periodAt(opened, terms, n).start));
    expect(starts).toEqual(['2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31']);
    const first = periodAt(opened, terms, 0);
    expect(first.end).toEqual(periodAt(opened, terms, 1).start);
  });

  it('moves the whole schedule past the fee holiday rather than cutting a period', () => {
    const terms = { frequency: 'QUARTERLY' as const, holidayMonths: 5 };
    expect(day(periodAt(opened, terms, 0).start)).toBe('2026-06-30');
    expect(day(periodAt(opened, terms, 1).start)).toBe('2026-09-30');
    const annual = { frequency: 'ANNUAL' as const, holidayMonths: 6 };
    expect(periodAt(opened, annual, 0)).toEqual({
      index: 0,
      start: at('2026-07-31T12:00:00.000Z'),
      end: at('2027-07-31T12:00:00.000Z'),
    });
  });

  it('lists every period due, oldest first: the missed ones after downtime, none during the holiday', () => {
    const terms = { frequency: 'QUARTERLY' as const, holidayMonths: 3 };
    expect(duePeriods(opened, terms, at('2026-04-30T11:59:59.999Z'))).toEqual([]);
    expect(duePeriods(opened, terms, at('2026-04-30T12:00:00.000Z')).map((p) => p.index)).toEqual([
      0,
    ]);
    const late = duePeriods(opened, terms, at('2027-02-01T00:00:00.000Z'));
    expect(late.map((p) => day(p.start))).toEqual([
      '2026-04-30',
      '2026-07-31',
      '2026-10-31',
      '2027-01-31',
    ]);
  });

  it('has one period without end for a ONCE fee, due when the holiday ends', () => {
    const terms = { frequency: 'ONCE' as const, holidayMonths: 2 };
    const due = duePeriods(opened, terms, at('2030-01-01T00:00:00Z'));
    expect(due).toEqual([{ index: 0, start: at('2026-03-31T12:00:00.000Z'), end: null }]);
    expect(() => periodAt(opened, terms, 1)).toThrow(RangeError);
  });

  it('names a period by pool and start date, the same for every worker', () => {
    const terms = { frequency: 'ANNUAL' as const, holidayMonths: 0 };
    const period = periodAt(opened, terms, 1);
    expect(periodKey('pool-1', period)).toBe('management-fee:pool-1:2027-01-31');
    expect(periodNote(period)).toBe('Management fee 2027-01-31 to 2028-01-31');
  });
});

describe('periodFee', () => {
  it('charges the yearly rate per year, a quarter of it per quarter, the rate once for ONCE', () => {
    // $1,000,000.00 at 2 %: $20,000.00 a year, $5,000.00 a quarter.
    expect(periodFee(100_000_000n, 200, 'ANNUAL')).toBe(2_000_000n);
    expect(periodFee(100_000_000n, 200, 'QUARTERLY')).toBe(500_000n);
    expect(periodFee(100_000_000n, 200, 'ONCE')).toBe(2_000_000n);
  });

  it('rounds down to the minor unit, never charging more than the terms say', () => {
    // 1234.57 × 1.75 % / 4 = 5.40124375 → 5.40
    expect(periodFee(123_457n, 175, 'QUARTERLY')).toBe(540n);
    // 0.99 × 1 % a year = 0.0099 → 0
    expect(periodFee(99n, 100, 'ANNUAL')).toBe(0n);
  });

  it('is zero without a rate or a basis', () => {
    expect(periodFee(0n, 200, 'ANNUAL')).toBe(0n);
    expect(periodFee(100n, 0, 'ANNUAL')).toBe(0n);
  });
});
