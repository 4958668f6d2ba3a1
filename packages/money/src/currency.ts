/**
 * ISO 4217 currencies Poolgraph accepts, with their minor-unit exponents.
 * Listed explicitly (not from Intl) so every process and every Node build agrees.
 */
const EXPONENTS: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  SGD: 2,
  HKD: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  ILS: 2,
  INR: 2,
  CNY: 2,
  MXN: 2,
  BRL: 2,
  ZAR: 2,
  AED: 2,
  SAR: 2,
  TRY: 2,
  THB: 2,
  MYR: 2,
  PHP: 2,
  IDR: 2,
  TWD: 2,
  JPY: 0,
  KRW: 0,
  CLP: 0,
  ISK: 0,
  VND: 0,
  UGX: 0,
  XOF: 0,
  XAF: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

export const SUPPORTED_CURRENCIES = Object.keys(EXPONENTS).sort();

export function isSupportedCurrency(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code);
}

/** Minor-unit exponent: USD 2 (cents), JPY 0, KWD 3. */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS[code];
  if (exponent === undefined) throw new RangeError(`Unsupported currency: ${code}`);
  return exponent;
}
