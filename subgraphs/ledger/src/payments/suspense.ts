import type { PaymentMoneyEvent, PaymentMoneyPayload } from '@poolgraph/events';
import { insertOutboxEvents } from '@poolgraph/events';
import { isDeadlock, monotonicUuidv7, retryTransaction } from '@poolgraph/platform';
import type { LedgerTx } from '../db/index.ts';
import { lockPayment, setHeldAnnounced, type PaymentRow } from '../data/payments.ts';
import { lockTransaction, type TransactionRow } from '../data/transactions.ts';
import type { PaymentsDeps } from './deps.ts';

/**
 * Suspense: money a provider received for a payment that the pool did not take — its
 * contribution was voided (expired, cancelled, or confirmed when the pool no longer took money
 * from that investor), or more arrived than was started — and that has not been paid back yet.
 * It is never cash, so nothing can distribute it or charge a fee from it; Pool.suspense shows
 * it to the manager and reconciliation lists it (HELD_IN_SUSPENSE) until it is refunded
 * (refunds.ts).
 *
 * The payer is told too: every amount that becomes held is announced once (PaymentHeld on
 * `ledger.events`, which alerts turns into the investor's notice) in the transaction of the
 * write that made it held — a settlement, a bank transfer's recording — or in one right after a
 * card's recorded state (its webhook is delivered again until handled), and every refund in
 * the transaction that records it (PaymentRefunded).
 */
export function heldAmount(payment: PaymentRow, transaction: TransactionRow | undefined): bigint {
  const held = untaken(payment, transaction) - payment.refundedAmount;
  return held > 0n ? held : 0n;
}

/** What arrived beyond what the pool took (received − posted), refunded or not. */
function untaken(payment: PaymentRow, transaction: TransactionRow | undefined): bigint {
  const posted = transaction?.status === 'POSTED' ? transaction.amount : 0n;
  return (payment.receivedAmount ?? 0n) - posted;
}

/** The event of money held or refunded now (`amount`), for the payment's investor. */
export function paymentMoneyEvent(
  type: PaymentMoneyEvent['type'],
  payment: PaymentRow,
  transaction: TransactionRow,
  amount: bigint,
) {
  const payload: PaymentMoneyPayload = {
    transactionId: payment.transactionId,
    poolId: payment.poolId,
    investorId: payment.investorId,
    method: payment.method,
    currency: payment.currency,
    amountMinor: amount.toString(),
    receivedMinor: (payment.receivedAmount ?? 0n).toString(),
    contributionStatus: transaction.status === 'POSTED' ? 'POSTED' : 'VOIDED',
  };
  return {
    id: monotonicUuidv7(),
    type,
    aggregateId: payment.poolId,
    payload,
    occurredAt: new Date(),
  };
}

/**
 * Announces what of a settled transaction's payment became held and was not announced yet (a
 * PaymentHeld event), under the payment's row lock, in the caller's transaction. A settlement
 * runs it (settlePending: the transaction's row is locked and `transaction` is it as now
 * written), and so does announceHeldOf after what a provider received is recorded on a
 * transaction that may be settled already. Either sees the other's committed write (the
 * settlement reads the payment under its lock; a recording waits for that lock, and its
 * announceHeldOf comes after), and the payment keeps what was announced, so each amount is
 * announced once in any interleaving. Returns whether it announced anything.
 */
export async function announceHeld(tx: LedgerTx, transaction: TransactionRow): Promise<boolean> {
  if (transaction.status === 'PENDING') return false;
  const payment = await lockPayment(tx, transaction.id);
  if (!payment) return false;
  const suspense = untaken(payment, transaction);
  if (suspense <= payment.heldAnnounced) return false;
  const fresh = suspense - payment.heldAnnounced;
  await insertOutboxEvents(tx, [paymentMoneyEvent('PaymentHeld', payment, transaction, fresh)]);
  await setHeldAnnounced(tx, payment.transactionId, suspense);
  return true;
}

/**
 * announceHeld in a transaction of its own, after a provider's money was recorded on a
 * transaction that a settlement may already have ended (a webhook that lost the race to the
 * sweeper, a bank transfer arriving after its contribution ended, a replay). Wakes the relay
 * when it announced something; returns the transaction as it stands.
 */
export async function announceHeldOf(
  deps: PaymentsDeps,
  transactionId: string,
): Promise<TransactionRow | null> {
  const { row, announced } = await retryTransaction(
    () =>
      deps.db.transaction(async (tx) => {
        const row = await lockTransaction(tx, transactionId);
        return { row, announced: row ? await announceHeld(tx, row) : false };
      }),
    { retryable: isDeadlock },
  );
  if (announced) deps.onSettled();
  return row;
}
