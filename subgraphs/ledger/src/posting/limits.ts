import { formatMoneyText as show } from '@poolgraph/money';
import { badUserInput } from '@poolgraph/platform';

/**
 * Platform ceilings, in minor units of any currency, checked inside the posting before anything
 * is written. Stored balances are BIGINT (±9.2 × 10^18): the pool's totals are capped at 10^18,
 * so every pool and investor figure — including a capital balance, which is contributed minus
 * three other totals — stays representable. An investor's own totals are capped a hundred times
 * lower, so that no single member can bring a pool to its ceiling and stop everyone else.
 */
export const MAX_TRANSACTION_MINOR = 10n ** 15n;
export const MAX_INVESTOR_TOTAL_MINOR = 10n ** 16n;
export const MAX_POOL_TOTAL_MINOR = 10n ** 18n;

/** The amount of one transaction, within the platform's limit. */
export function checkTransactionAmount(minor: bigint, currency: string): void {
  if (minor > MAX_TRANSACTION_MINOR) {
    throw badUserInput(
      'amount',
      `must be at most ${show(MAX_TRANSACTION_MINOR, currency)}, the platform's limit for one transaction.`,
    );
  }
}

/** A running total after a posting, within its ceiling. */
export function checkTotal(
  total: bigint,
  whose: 'pool' | 'investor',
  what: string,
  currency: string,
): void {
  const ceiling = whose === 'pool' ? MAX_POOL_TOTAL_MINOR : MAX_INVESTOR_TOTAL_MINOR;
  if (total > ceiling) {
    const owner = whose === 'pool' ? "the pool's" : "the investor's";
    throw badUserInput(
      'amount',
      `would take ${owner} ${what} past ${show(ceiling, currency)}, the platform's ceiling for it.`,
    );
  }
}
