import { ErrorCode } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import { updatePaymentStatus, type PaymentRow } from '../data/payments.ts';
import type { SettlementOutcome } from '../movements/journal.ts';
import { settlePending } from '../movements/settlePending.ts';
import type { PaymentsDeps } from './deps.ts';
import type { ProviderState } from './provider.ts';
import { refundCardIfHeld } from './refunds.ts';

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
 * Brings the ledger in line with the provider's state of a payment: succeeded posts (for what
 * was received), canceled voids, a failed attempt is ended at the provider (cancelled, which
 * answers whether it succeeded meanwhile) and then voided or posted. Exactly once, whatever
 * order and how often this runs (settlePending). Returns what happened, for the event log.
 */
export async function applyProviderState(
  deps: PaymentsDeps,
  payment: PaymentRow,
  observed: ProviderState,
): Promise<string> {
  let state = observed;
  if (state.state === 'failed') {
    const adapter = deps.adapters[payment.method];
    if (!adapter) throw new Error(`no adapter for ${payment.method}`);
    state = await adapter.cancel(payment);
  }
  await updatePaymentStatus(
    deps.db,
    payment.transactionId,
    state.status,
    state.state === 'succeeded' ? state.amountReceived : null,
  );
  const outcome = outcomeOf(payment, state);
  if (!outcome) return `open (${state.status})`;
  const result = await settle(deps, payment, outcome, state.status);
  // Money the pool did not take (see refunds.ts) goes back to the card at once.
  if (state.state === 'succeeded') await refundCardIfHeld(deps, payment.transactionId);
  return result;
}

async function settle(
  deps: PaymentsDeps,
  payment: PaymentRow,
  outcome: SettlementOutcome,
  providerStatus: string,
): Promise<string> {
  try {
    const settled = await settlePending(deps.db, payment.transactionId, outcome);
    if (settled.changed) deps.onSettled();
    if (settled.notTaken) return `not taken (${settled.notTaken}): voided, held for a refund`;
    return settled.changed ? settled.row.status.toLowerCase() : `already ${settled.row.status}`;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.CONFLICT) {
      // E.g. paid at the provider after the ledger voided it on expiry: held, then refunded.
      deps.log.error(
        { transactionId: payment.transactionId, providerStatus },
        'provider and ledger disagree on a settled payment',
      );
      return `conflict: ${error.message}`;
    }
    throw error;
  }
}
