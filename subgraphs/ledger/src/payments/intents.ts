import type { Viewer } from '@poolgraph/auth';
import { badUserInput, ErrorCode, graphQLError } from '@poolgraph/platform';
import {
  insertPayment,
  recordOpenedPayment,
  selectPaymentByTransactionId,
  type PaymentRow,
} from '../data/payments.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';
import type { PaymentMethod } from '../db/schema.ts';
import { contributePending, type OperationDeps } from '../movements/submit.ts';
import { newReference, type BankAccountSettings } from './bank.ts';
import type { PaymentsDeps } from './deps.ts';

/** What a PaymentIntent resolves from. */
export interface PaymentIntentValue {
  transaction: TransactionRow;
  payment: PaymentRow;
  /** Card: what the provider's client-side flow confirms with; null once the payment is settled. */
  clientSecret: string | null;
  /** Bank transfer: where to send the money. */
  bank: BankAccountSettings | null;
}

export interface StartContributionArgs {
  poolId: string;
  amount: string;
  method: PaymentMethod;
  idempotencyKey: string;
}

/**
 * startContribution: a PENDING contribution and a payment at its provider, in that order. The
 * payment row is written before the provider is asked, keyed by the transaction, so a webhook
 * that overtakes the provider's answer still finds it; the provider is asked with an
 * idempotency key of the transaction, so a retry (same idempotencyKey) opens no second payment.
 * A provider that does not answer leaves the contribution pending (it voids itself at expiry)
 * and the client retries with the same key. The answer is built from the rows this request
 * wrote; they are read again only when a webhook may have settled the payment meanwhile: on a
 * retry, or when the provider's answer says the intent was confirmed already (nobody else
 * holds a new intent's client secret).
 */
export async function startContribution(
  deps: OperationDeps & { payments: PaymentsDeps },
  viewer: Viewer | null,
  args: StartContributionArgs,
): Promise<PaymentIntentValue> {
  const { payments } = deps;
  const adapter = payments.adapters[args.method];
  if (!adapter) throw badUserInput('method', `${args.method} payments are not configured here.`);
  const expiresAt = new Date(Date.now() + payments.timeoutsMs[args.method]);
  const transaction = await contributePending(deps, viewer, args, expiresAt);
  const reference = adapter.provider === 'bank' ? newReference() : null;
  const written = await insertPayment(payments.db, {
    transactionId: transaction.id,
    provider: adapter.provider,
    method: args.method,
    poolId: transaction.poolId,
    investorId: transaction.investorId!,
    amount: transaction.reservedAmount ?? transaction.amount,
    currency: transaction.currency,
    reference,
    providerPaymentId: reference,
    providerStatus: reference ? 'awaiting_transfer' : 'creating',
  });
  let payment = written.payment;
  let mayHaveMoved = !written.inserted;
  let clientSecret: string | null = null;
  if (adapter.provider === 'stripe' && transaction.status === 'PENDING') {
    try {
      const opened = await adapter.open(payment);
      payment = await recordOpenedPayment(payments.db, payment, {
        providerPaymentId: opened.providerPaymentId!,
        status: opened.status,
      });
      clientSecret = opened.clientSecret;
      mayHaveMoved ||= opened.status !== UNCONFIRMED;
    } catch (error) {
      payments.log.warn(
        { err: error, transactionId: transaction.id },
        'card provider did not open',
      );
      throw graphQLError(
        ErrorCode.SUBGRAPH_UNAVAILABLE,
        'The card payment provider did not answer; try again with the same idempotencyKey.',
      );
    }
  }
  let latest = transaction;
  if (mayHaveMoved) {
    latest = (await selectTransactionsByIds(payments.db, [transaction.id]))[0] ?? transaction;
    payment = (await selectPaymentByTransactionId(payments.db, transaction.id)) ?? payment;
  }
  return {
    transaction: latest,
    payment,
    clientSecret: latest.status === 'PENDING' ? clientSecret : null,
    bank: adapter.provider === 'bank' ? payments.bank : null,
  };
}

/** A Stripe PaymentIntent nobody has confirmed yet (no payment method attached). */
const UNCONFIRMED = 'requires_payment_method';
