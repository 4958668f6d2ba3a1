import { describe, expect, it } from 'vitest';
import { formatRate } from './rates.ts';

describe('rates as percentages', () => {
  it('moves the point two places and rounds half up on the digits', () => {
    expect(formatRate('0.373363')).toBe('37.34 %');
    expect(formatRate('0.100000')).toBe('10.00 %');
    expect(formatRate('31.000000')).toBe('3100.00 %');
    expect(formatRate('0.000049')).toBe('0.00 %');
    expect(formatRate('0.000050')).toBe('0.01 %');
  });

  it('signs a loss and says nothing for an undefined rate', () => {
    expect(formatRate('-0.500000')).toBe('−50.00 %');
    expect(formatRate('-0.000001')).toBe('0.00 %');
    expect(formatRate(null)).toBe('—');
  });
});
