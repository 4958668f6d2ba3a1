import { selectPaymentByTransactionId, updatePaymentStatus } from '../data/payments.ts';
import type { TransactionRow } from '../data/transactions.ts';
import type { SettlementOutcome } from '../posting/journal.ts';
import type { PaymentsDeps } from './deps.ts';
import { outcomeOf } from './settlement.ts';

/**
 * How an expired pending transaction ends. Without a payment, or for a bank transfer, it voids.
 * A card payment is cancelled at the provider first: cancelled, it voids; succeeded at the last
 * moment, it posts (the money arrived). A provider that does not answer throws, and the sweeper
 * tries again on its next pass rather than void money that may have been taken.
 */
export function decideExpired(deps: PaymentsDeps) {
  return async (row: TransactionRow): Promise<SettlementOutcome | null> => {
    const payment = await selectPaymentByTransactionId(deps.db, row.id);
    const adapter = payment && deps.adapters[payment.method];
    if (!payment || !adapter) return { status: 'VOIDED' };
    const state = await adapter.cancel(payment);
    await updatePaymentStatus(
      deps.db,
      row.id,
      state.status,
      state.state === 'succeeded' ? state.amountReceived : null,
    );
    return outcomeOf(payment, state) ?? { status: 'VOIDED' };
  };
}
