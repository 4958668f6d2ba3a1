import { currencyExponent, isSupportedCurrency, MAX_MAJOR_UNITS } from '@poolgraph/money';
import { isUuid } from '@poolgraph/platform';

/** One contribution for the bulk path: already parsed, with the pool facts the caller holds. */
export interface BulkContribution {
  /** Unique per actor: the same key with the same payload again is a replay. */
  idempotencyKey: string;
  poolId: string;
  /** The pool's currency; must agree with the ledger's record of the pool. */
  currency: string;
  /** The pool's manager, recorded when the ledger first sees the pool. */
  managerId: string;
  investorId: string;
  /** Minor units of `currency`, positive. */
  amountMinor: bigint;
  occurredAt: Date;
}

const MAX_KEY_LENGTH = 200;
const CLOCK_SKEW_MS = 5 * 60_000;

/** Why an item cannot be posted, or null. Checked before anything is written. */
export function problemWith(item: BulkContribution): string | null {
  if (item.idempotencyKey.length === 0 || item.idempotencyKey.length > MAX_KEY_LENGTH) {
    return `idempotencyKey: must be 1 to ${MAX_KEY_LENGTH} characters.`;
  }
  if (!isUuid(item.poolId)) return 'poolId: is not a UUID.';
  if (!isUuid(item.investorId)) return 'investorId: is not a UUID.';
  if (!isUuid(item.managerId)) return 'managerId: is not a UUID.';
  if (!isSupportedCurrency(item.currency)) return `currency: ${item.currency} is not supported.`;
  if (item.amountMinor <= 0n) return 'amount: must be greater than zero.';
  if (item.amountMinor > MAX_MAJOR_UNITS * 10n ** BigInt(currencyExponent(item.currency))) {
    return `amount: must be at most ${MAX_MAJOR_UNITS} ${item.currency}.`;
  }
  const time = item.occurredAt.getTime();
  if (Number.isNaN(time)) return 'occurredAt: is not a date.';
  if (time > Date.now() + CLOCK_SKEW_MS) return 'occurredAt: must not be in the future.';
  return null;
}
