import { badUserInput } from '@poolgraph/platform';
import type { PaymentRow } from '../data/payments.ts';
import type { PaymentAdapter, ProviderPayment } from './provider.ts';

/**
 * Provider requests one pool's reconciliation may make. A pool's reconciliation (what a manager
 * can ask for) never lists the provider's history, which holds every pool's payments: it asks
 * about the pool's own card payments one by one, and refuses a window holding more of them than
 * this, so one call costs the provider at most this many requests.
 */
export const MAX_POOL_PROVIDER_LOOKUPS = 100;
/** Requests in flight at once for one call. */
const CONCURRENCY = 4;

const isMissing = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

/** The provider's record of each of these card payments that it has (a 404: it has none). */
export async function lookUpPoolPayments(
  adapter: PaymentAdapter,
  payments: readonly PaymentRow[],
  days: number,
): Promise<ProviderPayment[]> {
  const opened = payments.filter((p) => p.provider === adapter.provider && p.providerPaymentId);
  if (opened.length > MAX_POOL_PROVIDER_LOOKUPS) {
    throw badUserInput(
      'days',
      `the pool has ${opened.length} card payments in the last ${days} days; a pool's reconciliation checks at most ${MAX_POOL_PROVIDER_LOOKUPS}, so ask for fewer days.`,
    );
  }
  const found: ProviderPayment[] = [];
  let next = 0;
  async function worker() {
    while (next < opened.length) {
      const payment = opened[next++]!;
      try {
        const state = await adapter.state(payment);
        if (!state) continue;
        found.push({
          providerPaymentId: payment.providerPaymentId!,
          transactionId: payment.transactionId,
          amount: payment.amount,
          currency: payment.currency,
          state,
        });
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return found;
}
