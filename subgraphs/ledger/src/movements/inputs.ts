import { createHash } from 'node:crypto';
import { formatMoneyText, isSupportedCurrency } from '@poolgraph/money';
import { badUserInput, isUuid, notFound } from '@poolgraph/platform';

const MAX_KEY_LENGTH = 200;
/** How far ahead of this server's clock a stated time may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What a caller sends, checked before anything is locked, by online mutations and the bulk path
 * alike (each throws BAD_USER_INPUT naming the field), and the payload a key is bound to.
 */

/** The platform's limit for one transaction, in minor units of any currency (see poolBooks.ts). */
export const MAX_TRANSACTION_MINOR = 10n ** 15n;

/**
 * Visible ASCII only (letters, digits, punctuation; no spaces). Keys are compared byte for byte,
 * so anything with two spellings that look alike (a trailing space, a no-break or zero-width
 * space, a composed or decomposed accent, a full-width letter) would make a client's retry a
 * second posting; such a key is refused instead, never trimmed or folded into another.
 */
const KEY_FORMAT = new RegExp(`^[\\x21-\\x7e]{1,${MAX_KEY_LENGTH}}$`);

/** Keys are opaque to the ledger, but have one spelling: see KEY_FORMAT. */
export function checkIdempotencyKey(key: string): string {
  if (!KEY_FORMAT.test(key)) {
    throw badUserInput(
      'idempotencyKey',
      `must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters (letters, digits, punctuation) with no spaces; a UUID is a good key.`,
    );
  }
  return key;
}

/** A stated time (a recorded contribution's, an imported row's) must be a date, not in the future. */
export function checkOccurredAt(occurredAt: Date): Date {
  const time = occurredAt.getTime();
  if (Number.isNaN(time)) throw badUserInput('occurredAt', 'is not a date.');
  if (time > Date.now() + CLOCK_SKEW_MS)
    throw badUserInput('occurredAt', 'must not be in the future.');
  return occurredAt;
}

/** An amount already in minor units (the bulk path): positive and within the platform limit. */
export function checkAmountMinor(amountMinor: bigint, currency: string): bigint {
  if (!isSupportedCurrency(currency))
    throw badUserInput('currency', `${currency} is not supported.`);
  if (amountMinor <= 0n) throw badUserInput('amount', 'must be greater than zero.');
  checkTransactionAmount(amountMinor, currency);
  return amountMinor;
}

/** The amount of one transaction, within the platform's limit. */
export function checkTransactionAmount(minor: bigint, currency: string): void {
  if (minor > MAX_TRANSACTION_MINOR) {
    throw badUserInput(
      'amount',
      `must be at most ${formatMoneyText(MAX_TRANSACTION_MINOR, currency)}, the platform's limit for one transaction.`,
    );
  }
}

/** A pool id that cannot exist is simply not found (never a SQL error). */
export function checkPoolId(poolId: string): string {
  if (!isUuid(poolId)) throw notFound('Pool');
  return poolId;
}

export interface CanonicalRequest {
  operation: string;
  poolId: string;
  investorId: string | null;
  amountMinor: bigint;
  occurredAt: Date | null;
  /** recordProceeds' note; absent for every other movement (so their hashes are as before). */
  note?: string | null;
}

/**
 * The payload an idempotency key is bound to. Amounts are compared in minor units, so "10.5"
 * and "10.50" are the same request; occurredAt as given (an omitted one is not "now").
 */
export function requestHash(request: CanonicalRequest): string {
  const canonical = JSON.stringify([
    request.operation,
    request.poolId,
    request.investorId,
    request.amountMinor.toString(),
    request.occurredAt?.toISOString() ?? null,
    ...(request.note == null ? [] : [request.note]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
