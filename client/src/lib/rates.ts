/**
 * A yearly rate from the API's exact decimal fraction ("0.373363") as a percentage for people,
 * two decimals: "37.34 %", "−4.10 %". Rounded half away from zero on the digits, never through
 * a float; "—" when the rate is undefined (null).
 */
export function formatRate(decimal: string | null | undefined, digits = 2): string {
  if (decimal == null || decimal === '') return '—';
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  // A fraction × 100: the point moves two places right.
  const padded = fraction.padEnd(digits + 3, '0');
  let scaled = BigInt(whole + padded.slice(0, digits + 2));
  if (Number(padded[digits + 2]) >= 5) scaled += 1n;
  const text = scaled.toString().padStart(digits + 1, '0');
  const sign = negative && scaled !== 0n ? '−' : '';
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)} %`;
}
