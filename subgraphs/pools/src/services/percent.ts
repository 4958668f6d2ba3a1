import { badUserInput } from '@poolgraph/platform';

/**
 * Capital call percentages are exact decimals with at most 4 places (33.3333 %), carried as
 * integers of 1/10 000 of a percent ("basis points of a basis point"), so 100 % = 1 000 000.
 */
export const PERCENT_DECIMALS = 4;
export const PERCENT_SCALE = 10n ** BigInt(PERCENT_DECIMALS);
export const HUNDRED_PERCENT = 100n * PERCENT_SCALE;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Parses stored DECIMAL text ("33.3300") into scaled units. */
export function percentFromDecimal(text: string): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a stored percent: ${text}`);
  const [, whole = '0', fraction = ''] = match;
  return (
    BigInt(whole) * PERCENT_SCALE +
    BigInt(fraction.slice(0, PERCENT_DECIMALS).padEnd(PERCENT_DECIMALS, '0'))
  );
}

export function percentToDecimal(scaled: bigint): string {
  const digits = scaled.toString().padStart(PERCENT_DECIMALS + 1, '0');
  return `${digits.slice(0, -PERCENT_DECIMALS)}.${digits.slice(-PERCENT_DECIMALS)}`;
}

/**
 * A GraphQL Float as an exact percent. JavaScript prints a double as the shortest decimal that
 * reads back to it, so 33.33 is "33.33" (not 33.329999…): its digits are what the client sent.
 */
export function parsePercent(value: number, field: string): bigint {
  const text = String(value);
  if (!(value > 0 && value <= 100)) {
    throw badUserInput(field, `must be greater than 0 and at most 100, got ${text}.`);
  }
  const match = DECIMAL.exec(text);
  if (!match || (match[2]?.length ?? 0) > PERCENT_DECIMALS) {
    throw badUserInput(
      field,
      `must have at most ${PERCENT_DECIMALS} decimals (e.g. 33.3333), got ${text}.`,
    );
  }
  return percentFromDecimal(text);
}
