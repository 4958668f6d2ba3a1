import { currencyExponent, isSupportedCurrency, splitProRata } from '@poolgraph/money/browser';

export { splitProRata };

/** The platform maximum for one amount (the ledger's rule): 10^15 major units. */
const MAX_MAJOR_UNITS = 10n ** 15n;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; error: string };

/**
 * Reads what a user typed as an amount of `currency`, with the server's rules, so a form can
 * say what is wrong before sending: digits with an optional decimal point, no more decimals
 * than the currency has, above zero, at most the platform maximum. Thousands separators
 * (commas, spaces) are allowed and dropped.
 */
export function parseAmountInput(
  value: string,
  currency: string,
  { allowZero = false }: { allowZero?: boolean } = {},
): ParsedAmount {
  const text = value.trim().replace(/[,\s_]/g, '');
  if (text === '') return { ok: false, error: 'Enter an amount.' };
  if (text.startsWith('-')) return { ok: false, error: 'The amount must be positive.' };
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, error: 'Enter a number such as 1250.50.' };
  const [, whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return {
      ok: false,
      error:
        exponent === 0
          ? `${currency} has no minor units: enter a whole number.`
          : `${currency} allows at most ${exponent} decimal places.`,
    };
  }
  const scale = 10n ** BigInt(exponent);
  const minor = BigInt(whole) * scale + BigInt(fraction.padEnd(exponent, '0') || '0');
  if (minor === 0n && !allowZero) return { ok: false, error: 'The amount must be above zero.' };
  if (minor > MAX_MAJOR_UNITS * scale) {
    return { ok: false, error: `The amount must be at most ${MAX_MAJOR_UNITS} ${currency}.` };
  }
  return { ok: true, minor };
}

/**
 * What the user typed ("1,000,000", "2 500.5") as the API's exact Decimal string
 * ("1000000.00", "2500.50"); null when it breaks a rule (parseAmountInput says which).
 */
export function decimalFromInput(value: string, currency: string): string | null {
  const parsed = parseAmountInput(value, currency);
  return parsed.ok ? toDecimal(parsed.minor, currency) : null;
}

/** Minor units of a Decimal string from the API ("1250.50", "-3.5"), exactly. */
export function toMinor(amount: string, currency: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const exponent = currencyExponent(currency);
  const minor =
    BigInt(whole || '0') * 10n ** BigInt(exponent) +
    BigInt(fraction.padEnd(exponent, '0').slice(0, exponent) || '0');
  return negative ? -minor : minor;
}

/** Minor units as the API's Decimal string: exactly the currency's decimals ("1250.50"). */
export function toDecimal(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  return exponent === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const exponent = isSupportedCurrency(currency) ? currencyExponent(currency) : 2;
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A money amount for people ("$1,250.50", "¥1,250", "KWD 1.250"), exact at any size: the whole
 * part is formatted as a bigint (Intl formats bigints exactly) and the fraction digits are the
 * API's own, never a float.
 */
export function formatMoney(
  money: { amount: string; currency: string },
  { locale, outflow = false }: { locale?: string; outflow?: boolean } = {},
): string {
  // Money leaving (a distribution, a fee, a withdrawal) reads with a minus sign wherever it shows.
  if (outflow && !money.amount.startsWith('-') && !/^0*(\.0*)?$/.test(money.amount)) {
    return formatMoney({ ...money, amount: `-${money.amount}` }, { locale });
  }
  const { currency } = money;
  const exponent = isSupportedCurrency(currency) ? currencyExponent(currency) : 2;
  const minor = isSupportedCurrency(currency) ? toMinor(money.amount, currency) : 0n;
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const scale = 10n ** BigInt(exponent);
  const fraction = (abs % scale).toString().padStart(exponent, '0');
  const whole = abs / scale;
  // -0n does not exist: a negative amount below one unit borrows the sign of -1 and shows 0.
  const parts = formatterFor(currency, locale).formatToParts(
    negative ? (whole === 0n ? -1n : -whole) : whole,
  );
  return parts
    .map((part) => {
      if (part.type === 'fraction') return fraction;
      if (part.type === 'integer' && negative && whole === 0n) return '0';
      return part.value;
    })
    .join('');
}

/** Sums Decimal strings of one currency exactly. */
export function sumMoney(amounts: string[], currency: string): string {
  return toDecimal(
    amounts.reduce((total, amount) => total + toMinor(amount, currency), 0n),
    currency,
  );
}
