import { randomInt } from 'node:crypto';
import type { PaymentAdapter } from './provider.ts';

/** Where investors send bank transfers (the pools' collection account), from the environment. */
export interface BankAccountSettings {
  beneficiary: string;
  iban: string;
  bic: string;
}

/** No 0/O, 1/I/L: a reference is read off a statement and typed by people. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A payment reference, `PG-XXXX-XXXX-C`: 8 random characters (31^8 ≈ 8.5 × 10^11) and a
 * check character (weighted sum mod 31), so a mistyped reference matches nothing rather than
 * another investor's payment.
 */
export function newReference(): string {
  const body = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
  return `PG-${body.slice(0, 4)}-${body.slice(4)}-${checkCharacter(body)}`;
}

function checkCharacter(body: string): string {
  let sum = 0;
  for (let n = 0; n < body.length; n++) sum += (n + 1) * ALPHABET.indexOf(body[n]!);
  return ALPHABET[sum % ALPHABET.length]!;
}

/**
 * A reference as quoted on a statement, normalized (case, spaces, missing dashes), or null when
 * it is not a well-formed Poolgraph reference with a valid check character.
 */
export function normalizeReference(quoted: string): string | null {
  const compact = quoted.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const match = /^PG([0-9A-Z]{8})([0-9A-Z])$/.exec(compact);
  if (!match) return null;
  const [, body, check] = match as unknown as [string, string, string];
  if ([...body].some((c) => !ALPHABET.includes(c)) || checkCharacter(body) !== check) return null;
  return `PG-${body.slice(0, 4)}-${body.slice(4)}-${check}`;
}

/**
 * Bank transfers: the "provider" is the investor's own bank, which has no API to call. Opening
 * a payment only hands out the reference (assigned when the payment row is written); money is
 * matched later, by the manager (confirmBankTransfer) or a statement import, by reference and
 * amount. Cancelling has nothing to tell anyone.
 */
export function createBankTransferAdapter(): PaymentAdapter {
  return {
    provider: 'bank',
    method: 'BANK_TRANSFER',
    open: async (payment) => ({
      providerPaymentId: payment.reference,
      clientSecret: null,
      status: payment.providerStatus,
    }),
    state: async () => null,
    cancel: async () => ({ state: 'canceled', status: 'canceled' }),
    list: async () => [],
  };
}
