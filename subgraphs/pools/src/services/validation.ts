import { formatMoneyText, isSupportedCurrency, parseAmount } from '@poolgraph/money';
import { badUserInput, isUuid, notFound } from '@poolgraph/platform';

export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_INVESTORS_LIMIT = 100_000;

/** A malformed id names nothing: NOT_FOUND, like an id that does not exist (never a SQL error). */
export function requireId(id: string, what: string): string {
  if (!isUuid(id)) throw notFound(what);
  return id;
}

export function validateName(value: string, field: string): string {
  const name = value.trim();
  if (name.length === 0) throw badUserInput(field, 'must not be empty.');
  if (name.length > MAX_NAME_LENGTH) {
    throw badUserInput(field, `must be at most ${MAX_NAME_LENGTH} characters.`);
  }
  return name;
}

/** Blank descriptions are stored as null. */
export function validateDescription(value: string | null, field: string): string | null {
  const description = value?.trim() ?? '';
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw badUserInput(field, `must be at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  return description.length > 0 ? description : null;
}

/** ISO 4217, accepted in any case and stored upper-case. */
export function validateCurrency(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!isSupportedCurrency(code)) {
    throw badUserInput(field, `"${value}" is not a supported ISO 4217 currency code.`);
  }
  return code;
}

export function validateMaxInvestors(value: number | null, field: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_INVESTORS_LIMIT) {
    throw badUserInput(field, `must be a whole number from 1 to ${MAX_INVESTORS_LIMIT}.`);
  }
  return value;
}

/** An optional amount in minor units; null stays null. */
export function parseOptionalAmount(
  value: string | null,
  currency: string,
  field: string,
): bigint | null {
  return value === null ? null : parseAmount(value, currency, { field });
}

/** A minimum above the target could never be met by a pool that reaches its target. */
export function checkMinNotAboveTarget(
  minMinor: bigint | null,
  targetMinor: bigint | null,
  currency: string,
  field: string,
): void {
  if (minMinor !== null && targetMinor !== null && minMinor > targetMinor) {
    throw badUserInput(
      field,
      `must not exceed the target amount (${formatMoneyText(targetMinor, currency)}).`,
    );
  }
}
