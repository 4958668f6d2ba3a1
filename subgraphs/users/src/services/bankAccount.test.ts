import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { parseAccountHolder, parseBic, parseIban } from './bankAccount.ts';

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as GraphQLError).message;
  }
}

describe('bank account input', () => {
  it('accepts valid IBANs as typed and returns their electronic form', () => {
    expect(parseIban('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(parseIban('GB82WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(parseIban('NL91 ABNA 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(parseIban('FR14 2004 1010 0505 0001 3M02 606')).toBe('FR1420041010050500013M02606');
  });

  it('refuses a wrong check digit, a wrong length and a non-IBAN, naming the field', () => {
    expect(refusal(() => parseIban('DE88370400440532013000'))).toMatch(/check digits/);
    expect(refusal(() => parseIban('DE8937040044053201300'))).toMatch(/22 characters/);
    expect(refusal(() => parseIban('hello'))).toMatch(/not an IBAN/);
  });

  it('checks BICs and account holders', () => {
    expect(parseBic('deut de ff')).toBe('DEUTDEFF');
    expect(parseBic('DEUTDEFF500')).toBe('DEUTDEFF500');
    expect(refusal(() => parseBic('DEUT1EFF'))).toMatch(/not a BIC/);
    expect(parseAccountHolder('  Ann   Lee ')).toBe('Ann Lee');
    expect(refusal(() => parseAccountHolder('  '))).toMatch(/name/);
    expect(refusal(() => parseAccountHolder('a\u0007b'))).toMatch(/control/);
  });
});
