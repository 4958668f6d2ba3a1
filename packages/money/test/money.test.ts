import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { formatAmount, formatMoneyText, parseAmount, splitProRata } from '../src/index.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions?.code;
  }
  return 'no error';
};

describe('parseAmount', () => {
  it('reads decimal strings into exact minor units', () => {
    expect(parseAmount('1250.50', 'USD', { field: 'amount' })).toBe(125050n);
    expect(parseAmount('1250.5', 'USD', { field: 'amount' })).toBe(125050n);
    expect(parseAmount('7', 'JPY', { field: 'amount' })).toBe(7n);
    expect(parseAmount('1.234', 'KWD', { field: 'amount' })).toBe(1234n);
    expect(parseAmount('0', 'USD', { field: 'min', allowZero: true })).toBe(0n);
  });

  it.each([
    ['10.001', 'USD'],
    ['-5', 'USD'],
    ['0', 'USD'],
    ['0.00', 'USD'],
    ['abc', 'USD'],
    ['1e3', 'USD'],
    ['', 'USD'],
    ['1.', 'USD'],
    ['.5', 'USD'],
    ['1000000000000000.01', 'USD'],
    ['10.5', 'JPY'],
  ])('rejects %s in %s with BAD_USER_INPUT', (value, currency) => {
    expect(codeOf(() => parseAmount(value, currency, { field: 'amount' }))).toBe('BAD_USER_INPUT');
  });

  it('names the field in the message', () => {
    expect(() => parseAmount('abc', 'USD', { field: 'input.targetAmount' })).toThrow(
      /^input\.targetAmount: /,
    );
  });

  it('accepts the platform maximum exactly', () => {
    expect(parseAmount('1000000000000000', 'USD', { field: 'amount' })).toBe(10n ** 17n);
  });
});

describe('formatAmount', () => {
  it('prints exactly the currency decimals', () => {
    expect(formatAmount(125050n, 'USD')).toBe('1250.50');
    expect(formatAmount(5n, 'USD')).toBe('0.05');
    expect(formatAmount(-5n, 'USD')).toBe('-0.05');
    expect(formatAmount(7n, 'JPY')).toBe('7');
    expect(formatAmount(1n, 'KWD')).toBe('0.001');
    expect(formatAmount(2n ** 63n - 1n, 'USD')).toBe('92233720368547758.07');
  });

  it('names the currency after the amount in messages', () => {
    expect(formatMoneyText(125050n, 'USD')).toBe('1250.50 USD');
    expect(formatMoneyText(1n, 'KWD')).toBe('0.001 KWD');
  });
});

describe('splitProRata', () => {
  it('splits 100.00 among three equal members as 33.34 / 33.33 / 33.33', () => {
    expect(splitProRata(10000n, [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
  });

  it('gives leftover units to the largest remainders', () => {
    // 10 split 1:2:3 -> 1.666, 3.333, 5 -> 2, 3, 5
    expect(splitProRata(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
  });

  it('always sums exactly to the total over random members and amounts', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 2000; run++) {
      const members = 1 + Math.floor(random() * 60);
      const weights = Array.from({ length: members }, () => BigInt(Math.floor(random() * 1e12)));
      if (!weights.some((w) => w > 0n)) weights[0] = 1n;
      const total = BigInt(Math.floor(random() * 1e15));
      const parts = splitProRata(total, weights);
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0n);
      parts.forEach((part, i) => {
        const exact = (total * weights[i]!) / sum;
        expect(part === exact || part === exact + 1n).toBe(true);
      });
    }
  });
});
