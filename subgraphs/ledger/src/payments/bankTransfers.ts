import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { parseAmount } from '@poolgraph/money';
import { badUserInput, ErrorCode, forbidden, notFound } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import { selectPaymentByReference, type PaymentRow } from '../data/payments.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import type { TransactionRow } from '../data/transactions.ts';
import { settlePending } from '../movements/settlePending.ts';
import { normalizeReference } from './bank.ts';
import type { PaymentsDeps } from './deps.ts';
import { pendingOf } from './settlement.ts';
import { announceHeldOf } from './suspense.ts';

export interface TransferResult {
  payment: PaymentRow;
  row: TransactionRow;
  /** False when this transfer had been matched before (a replay: nothing written). */
  changed: boolean;
}

/**
 * Matches one incoming transfer to its pending contribution: it posts for what arrived, at most
 * what was reserved (a partial transfer posts the smaller amount and ends the pending
 * contribution; the rest is a new contribution). The same transfer again is a replay; another
 * amount for a settled one is CONFLICT. Money for a voided contribution is recorded on the
 * payment, so reconciliation lists it for a refund.
 */
export async function matchTransfer(
  deps: PaymentsDeps,
  payment: PaymentRow,
  received: bigint,
): Promise<TransferResult> {
  if (received <= 0n) throw badUserInput('amount', 'must be greater than zero.');
  const amount = received < payment.amount ? received : payment.amount;
  try {
    const settled = await settlePending(deps.db, pendingOf(payment), {
      status: 'POSTED',
      amount,
    });
    // What arrived is recorded, and what it brought beyond the contribution announced as held;
    // also on a replay that finds nothing recorded (a crash right after the settlement), so no
    // surplus is ever lost from the suspense.
    if (settled.changed || payment.receivedAmount === null) {
      const transfer = { providerStatus: 'received', amount: received };
      await announceHeldOf(deps, payment.transactionId, transfer);
      deps.onSettled();
    }
    return { payment, row: settled.row, changed: settled.changed };
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.CONFLICT) {
      if (/already VOIDED/.test(error.message)) {
        const transfer = { providerStatus: 'received_after_void', amount: received };
        await announceHeldOf(deps, payment.transactionId, transfer);
      }
    }
    throw error;
  }
}

/** The payment a quoted reference names; NOT_FOUND for a malformed or unknown one. */
export async function paymentByReference(deps: PaymentsDeps, quoted: string): Promise<PaymentRow> {
  const reference = normalizeReference(quoted);
  if (!reference) {
    throw badUserInput('reference', 'is not a Poolgraph payment reference (PG-XXXX-XXXX-X).');
  }
  const payment = await selectPaymentByReference(deps.db, reference);
  if (!payment) throw notFound('Payment');
  return payment;
}

/** confirmBankTransfer: the pool's manager (or an admin) saw the money arrive. */
export async function confirmBankTransfer(
  deps: PaymentsDeps,
  viewer: Viewer | null,
  args: { reference: string; amount: string },
): Promise<TransactionRow> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  const payment = await paymentByReference(deps, args.reference);
  const [facts] = await selectPoolFactsByIds(deps.db, [payment.poolId]);
  if (!hasRole(actor, 'ADMIN') && facts?.managerId !== actor.userId) {
    throw forbidden("Only the pool's manager can confirm transfers into it.");
  }
  const received = parseAmount(args.amount, payment.currency, { field: 'amount' });
  return (await matchTransfer(deps, payment, received)).row;
}
