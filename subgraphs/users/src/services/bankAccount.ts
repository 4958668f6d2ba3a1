import { badUserInput } from '@poolgraph/platform';

/**
 * IBAN lengths by country (ISO 13616 registry, SEPA and the other common ones): an IBAN of a
 * listed country must have its length; another country's is checked by format and checksum only.
 */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** ISO 7064 MOD 97-10 over the rearranged IBAN, letters as 10..35, digit by digit (no bigint). */
function ibanChecksumHolds(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** An IBAN as typed (spaces, lower case) → its electronic form, or BAD_USER_INPUT on `field`. */
export function parseIban(value: string, field = 'input.iban'): string {
  const iban = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) {
    throw badUserInput(field, 'is not an IBAN (two letters, two check digits, then the account).');
  }
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) {
    throw badUserInput(
      field,
      `a ${iban.slice(0, 2)} IBAN has ${length} characters, not ${iban.length}.`,
    );
  }
  if (!ibanChecksumHolds(iban)) {
    throw badUserInput(field, 'has wrong check digits: look for a typo.');
  }
  return iban;
}

/** A BIC (ISO 9362): 8 or 11 characters, bank, country, location, optional branch. */
export function parseBic(value: string, field = 'input.bic'): string {
  const bic = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) {
    throw badUserInput(field, 'is not a BIC (8 or 11 letters and digits, e.g. DEUTDEFF).');
  }
  return bic;
}

/** The account holder's name as the bank knows it: 1 to 140 characters (SEPA's limit). */
export function parseAccountHolder(value: string, field = 'input.accountHolder'): string {
  const name = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!name) throw badUserInput(field, 'give the name the account is held in.');
  if (/\p{Cc}/u.test(name)) throw badUserInput(field, 'must not contain control characters.');
  if (name.length > 140) throw badUserInput(field, `at most 140 characters, got ${name.length}.`);
  return name;
}

/** What the graph shows of an IBAN: its country and last four characters. */
export const maskIban = (country: string, last4: string) => `${country}•• •••• ${last4}`;
