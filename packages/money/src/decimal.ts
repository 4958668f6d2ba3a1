import { badUserInput } from '@poolgraph/platform';
import { currencyExponent } from './currency.ts';

/**
 * The platform maximum for one amount: 10^15 major units, whatever the currency. It keeps
 * every sum of amounts far inside BIGINT and Number-safe counts of minor units in reports.
 */
export const MAX_MAJOR_UNITS = 10n ** 15n;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export interface ParseOptions {
  /** The field named in error messages, e.g. "amount" or "input.targetAmount". */
  field: string;
  /** Accept zero (e.g. a minimum of 0). Default false: amounts move money. */
  allowZero?: boolean;
}

/**
 * Parses a decimal string ("1250.50") into minor units of `currency`. Rejects, with
 * BAD_USER_INPUT naming the field: non-numeric text, exponents, signs, more decimals than the
 * currency has, zero (unless allowed), and anything above the platform maximum.
 */
export function parseAmount(value: string, currency: string, options: ParseOptions): bigint {
  const { field } = options;
  const text = value.trim();
  if (text.startsWith('-')) throw badUserInput(field, `must be positive, got "${value}".`);
  const match = DECIMAL.exec(text);
  if (!match) {
    throw badUserInput(field, `must be a decimal number such as "1250.50", got "${value}".`);
  }
  const [, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    throw badUserInput(
      field,
      exponent === 0
        ? `${currency} has no minor units; "${value}" must be a whole number.`
        : `${currency} allows at most ${exponent} decimal places; got "${value}".`,
    );
  }
  const scale = 10n ** BigInt(exponent);
  const minor = BigInt(whole) * scale + BigInt(fraction.padEnd(exponent, '0') || '0');
  if (minor === 0n && !options.allowZero) throw badUserInput(field, 'must be greater than zero.');
  if (minor > MAX_MAJOR_UNITS * scale) {
    throw badUserInput(field, `must be at most ${MAX_MAJOR_UNITS} ${currency}.`);
  }
  return minor;
}

/** Minor units with their currency, as messages show money: "1250.50 USD". */
export const formatMoneyText = (minor: bigint, currency: string): string =>
  `${formatAmount(minor, currency)} ${currency}`;

/** Formats minor units as a plain decimal string with exactly the currency's decimals. */
export function formatAmount(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
