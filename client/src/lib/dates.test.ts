import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatDay, formatMoment, formatRatio } from './dates.ts';

describe('dates and ratios', () => {
  it('formats a day and a moment in the given locale, the moment with its time zone', () => {
    expect(formatDay('2027-01-15T23:59:59Z', 'en-US')).toMatch(/^Jan 1[56], 2027$/);
    expect(formatMoment('2027-01-15T12:00:00Z', 'en-US')).toMatch(/2027.*\d:\d\d.*(UTC|GMT)/);
  });

  it('shows a ratio with two decimals, rounded half up on the digits', () => {
    expect(formatRatio('0.250000')).toBe('0.25×');
    expect(formatRatio('0.000000')).toBe('0.00×');
    expect(formatRatio('1.234999')).toBe('1.23×');
    expect(formatRatio('0.995000')).toBe('1.00×');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('calendar days stated in UTC', () => {
  it('shows the same day in every time zone', () => {
    expect(formatCalendarDay('2026-01-31', 'en-US')).toBe('Jan 31, 2026');
  });
});
