import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmountInput, sumMoney, toDecimal, toMinor } from './money.ts';

describe('client money', () => {
  it('formats amounts exactly per currency, beyond what a float can hold', () => {
    expect(formatMoney({ amount: '1250.50', currency: 'USD' }, { locale: 'en-US' })).toBe(
      '$1,250.50',
    );
    expect(
      formatMoney({ amount: '1000000000000000.01', currency: 'USD' }, { locale: 'en-US' }),
    ).toBe('$1,000,000,000,000,000.01');
    expect(formatMoney({ amount: '1250', currency: 'JPY' }, { locale: 'en-US' })).toBe('¥1,250');
    expect(formatMoney({ amount: '1.250', currency: 'KWD' }, { locale: 'en-US' })).toBe(
      'KWD\u00a01.250',
    );
    expect(formatMoney({ amount: '-0.05', currency: 'EUR' }, { locale: 'en-US' })).toBe('-€0.05');
    expect(
      formatMoney({ amount: '9.45', currency: 'USD' }, { locale: 'en-US', outflow: true }),
    ).toBe('-$9.45');
    expect(
      formatMoney({ amount: '0.00', currency: 'USD' }, { locale: 'en-US', outflow: true }),
    ).toBe('$0.00');
    expect(formatMoney({ amount: '-12.5', currency: 'EUR' }, { locale: 'de-DE' })).toBe(
      '-12,50\u00a0€',
    );
  });

  it('rejects input the ledger would reject, with a reason', () => {
    expect(parseAmountInput('12.345', 'USD')).toEqual({
      ok: false,
      error: 'USD allows at most 2 decimal places.',
    });
    expect(parseAmountInput('10.5', 'JPY').ok).toBe(false);
    expect(parseAmountInput('0', 'USD').ok).toBe(false);
    expect(parseAmountInput('-3', 'USD').ok).toBe(false);
    expect(parseAmountInput('1e5', 'USD').ok).toBe(false);
    expect(parseAmountInput('1000000000000000.01', 'USD').ok).toBe(false);
    expect(parseAmountInput('1,250.5', 'USD')).toEqual({ ok: true, minor: 125050n });
  });

  it('converts between Decimal strings and minor units without loss', () => {
    expect(toMinor('9007199254740993.07', 'USD')).toBe(900719925474099307n);
    expect(toDecimal(900719925474099307n, 'USD')).toBe('9007199254740993.07');
    expect(toDecimal(-5n, 'USD')).toBe('-0.05');
    expect(sumMoney(['0.10', '0.20'], 'USD')).toBe('0.30');
  });
});
