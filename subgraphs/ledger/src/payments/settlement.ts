import { ErrorCode } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import { updatePaymentStatus, type PaymentRow } from '../data/payments.ts';
import type { SettlementOutcome } from '../movements/journal.ts';
import { settlePending, type PendingRef } from '../movements/settlePending.ts';
import type { PaymentsDeps } from './deps.ts';
import type { ProviderState } from './provider.ts';
import { refundCardIfHeld } from './refunds.ts';
import { announceHeldOf } from './suspense.ts';

/** The pending contribution a payment is for, from the payment row (nothing is read again). */
export const pendingOf = (payment: PaymentRow): PendingRef => ({
  id: payment.transactionId,
  poolId: payment.poolId,
  investorId: payment.investorId,
  currency: payment.currency,
  type: 'CONTRIBUTION',
  carry: false,
});

/** A provider's final state as a ledger outcome; null while the payment is still open. */
export function outcomeOf(payment: PaymentRow, state: ProviderState): SettlementOutcome | null {
  if (state.state === 'succeeded') {
    // Never more than was reserved; what the provider took beyond it is an amount mismatch.
    const amount = state.amountReceived < payment.amount ? state.amountReceived : payment.amount;
    return amount > 0n ? { status: 'POSTED', amount } : { status: 'VOIDED' };
  }
  if (state.state === 'canceled') return { status: 'VOIDED' };
  return null;
}

/**
 * Records what the provider said on the payment; returns the row as it now stands (the amount
 * received is set once the provider confirmed it). Money that this makes held is announced by
 * the settlement that follows, or (when another had settled it) by announceHeldOf.
 */
export async function recordProviderState(
  deps: PaymentsDeps,
  payment: PaymentRow,
  state: ProviderState,
): Promise<PaymentRow> {
  const received = state.state === 'succeeded' ? state.amountReceived : null;
  await updatePaymentStatus(deps.db, payment.transactionId, state.status, received);
  return {
    ...payment,
    providerStatus: state.status,
    receivedAmount: received ?? payment.receivedAmount,
  };
}

/**
 * Brings the ledger in line with the provider's state of a payment: succeeded posts (for what
 * was received), canceled voids, a failed attempt is ended at the provider (cancelled, which
 * answers whether it succeeded meanwhile) and then voided or posted. Exactly once, whatever
 * order and how often this runs (settlePending). Returns what happened, for the event log.
 */
export async function applyProviderState(
  deps: PaymentsDeps,
  read: PaymentRow,
  observed: ProviderState,
): Promise<string> {
  let state = observed;
  if (state.state === 'failed') {
    const adapter = deps.adapters[read.method];
    if (!adapter) throw new Error(`no adapter for ${read.method}`);
    state = await adapter.cancel(read);
  }
  const payment = await recordProviderState(deps, read, state);
  const outcome = outcomeOf(payment, state);
  if (!outcome) return `open (${state.status})`;
  try {
    const settled = await settlePending(deps.db, pendingOf(payment), outcome);
    if (settled.changed) deps.onSettled();
    else await announceHeldOf(deps, payment.transactionId);
    // Money the pool did not take (see suspense.ts) goes back to the card at once.
    await refundCardIfHeld(deps, payment, settled.row);
    if (settled.notTaken) return `not taken (${settled.notTaken}): voided, held for a refund`;
    return settled.changed ? settled.row.status.toLowerCase() : `already ${settled.row.status}`;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.CONFLICT) {
      // E.g. paid at the provider after the ledger voided it on expiry: held, then refunded.
      deps.log.error(
        { transactionId: payment.transactionId, providerStatus: state.status },
        'provider and ledger disagree on a settled payment',
      );
      await announceHeldOf(deps, payment.transactionId);
      if (state.state === 'succeeded') await refundCardIfHeld(deps, payment);
      return `conflict: ${error.message}`;
    }
    throw error;
  }
}
