import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { insertOutboxEvents } from '@poolgraph/events';
import { formatMoneyText } from '@poolgraph/money';
import { conflict, isUuid, notFound } from '@poolgraph/platform';
import {
  selectPaymentByTransactionId,
  setRefundedAmount,
  type PaymentRow,
} from '../data/payments.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';
import type { PaymentsDeps } from './deps.ts';
import { heldAmount, paymentMoneyEvent } from './suspense.ts';

/**
 * Pays a payment's held money back. Cards go back through the provider (idempotent: a retry
 * after a crash finds the same refund). A bank transfer cannot be pulled back by Poolgraph: the
 * manager sends it to the payer and this records that they did. Returns what was refunded now.
 */
export async function refundHeld(deps: PaymentsDeps, payment: PaymentRow): Promise<bigint> {
  const [transaction] = await selectTransactionsByIds(deps.db, [payment.transactionId]);
  const held = heldAmount(payment, transaction);
  if (held === 0n || !transaction) return 0n;
  const adapter = deps.adapters[payment.method];
  if (adapter?.refund) await adapter.refund(payment, held);
  const to = payment.refundedAmount + held;
  const recorded = await deps.db.transaction(async (tx) => {
    if (!(await setRefundedAmount(tx, payment.transactionId, payment.refundedAmount, to))) {
      return false; // another refund of this payment recorded first; the provider's key made it one
    }
    const event = paymentMoneyEvent('PaymentRefunded', payment, transaction, held);
    await insertOutboxEvents(tx, [event]);
    return true;
  });
  if (!recorded) return 0n;
  deps.onSettled();
  deps.log.info(
    { transactionId: payment.transactionId, refundedMinor: held.toString() },
    'held money refunded',
  );
  return held;
}

/**
 * After a provider confirmed money that the pool did not take: cards are refunded at once.
 * `seen` is the payment and its transaction as the caller just left them: when they hold
 * nothing (a payment posted in full, the usual case) nothing is read; otherwise the payment is
 * read again and refunded (refundHeld reads its transaction). A provider that fails leaves it
 * held (reconciliation shows it; refundPayment retries).
 */
export async function refundCardIfHeld(
  deps: PaymentsDeps,
  seen: PaymentRow,
  transaction?: TransactionRow,
): Promise<void> {
  if (!deps.adapters[seen.method]?.refund) return;
  if (transaction && heldAmount(seen, transaction) === 0n) return;
  const { transactionId } = seen;
  try {
    const payment = await selectPaymentByTransactionId(deps.db, transactionId);
    if (payment) await refundHeld(deps, payment);
  } catch (error) {
    deps.log.error({ err: error, transactionId }, 'refund failed; the money stays held');
  }
}

/** refundPayment: the pool's manager (or an admin) pays a payment's held money back. */
export async function refundPayment(
  deps: PaymentsDeps,
  viewer: Viewer | null,
  transactionId: string,
): Promise<PaymentRow> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  const payment = isUuid(transactionId)
    ? await selectPaymentByTransactionId(deps.db, transactionId)
    : null;
  if (!payment) throw notFound('Payment');
  const [facts] = await selectPoolFactsByIds(deps.db, [payment.poolId]);
  if (!hasRole(actor, 'ADMIN') && facts?.managerId !== actor.userId) throw notFound('Payment');
  const [transaction] = await selectTransactionsByIds(deps.db, [transactionId]);
  if (heldAmount(payment, transaction) === 0n) {
    throw conflict(
      `This payment holds nothing to refund (received ${formatMoneyText(payment.receivedAmount ?? 0n, payment.currency)}, refunded ${formatMoneyText(payment.refundedAmount, payment.currency)}).`,
    );
  }
  await refundHeld(deps, payment);
  return (await selectPaymentByTransactionId(deps.db, transactionId))!;
}
