import type { PaymentRow } from '../data/payments.ts';
import type { PaymentMethod, PaymentProviderName } from '../db/schema.ts';

/**
 * Where a payment stands at its provider, in the ledger's terms. `failed`: the last attempt failed
 * and the provider would take another (Stripe's requires_payment_method after a decline);
 * Poolgraph ends such a payment (cancels it) rather than waiting, so a failure is final here.
 */
export type ProviderState =
  | { state: 'open'; status: string }
  | { state: 'succeeded'; status: string; amountReceived: bigint }
  | { state: 'failed'; status: string }
  | { state: 'canceled'; status: string };

/** What the investor's client needs to pay: a client secret (card) or transfer instructions. */
export interface OpenedPayment {
  providerPaymentId: string | null;
  clientSecret: string | null;
  status: string;
}

/** A payment as its provider lists it (reconciliation). */
export interface ProviderPayment {
  providerPaymentId: string;
  /** The ledger transaction it was opened for (Stripe: metadata.transaction_id). */
  transactionId: string | null;
  amount: bigint;
  currency: string;
  state: ProviderState;
}

/**
 * The one small interface every payment provider sits behind. Card data never passes through
 * it: the provider's client-side flow collects it, and the ledger only ever sees ids, amounts
 * and statuses.
 */
export interface PaymentAdapter {
  provider: PaymentProviderName;
  method: PaymentMethod;
  /** Opens the payment at the provider; idempotent per transaction (a retry opens no second one). */
  open(payment: PaymentRow): Promise<OpenedPayment>;
  /** The provider's state now; null for a provider with nothing to ask (a bank transfer). */
  state(payment: PaymentRow): Promise<ProviderState | null>;
  /** Ends an unpaid payment (expiry, a failed attempt); answers the state after (it may have succeeded meanwhile). */
  cancel(payment: PaymentRow): Promise<ProviderState>;
  /** The provider's payments created since `since` (reconciliation); empty when it keeps none. */
  list(since: Date): Promise<ProviderPayment[]>;
  /**
   * Pays `amount` of a received payment back to the payer, idempotent per (payment, amount
   * refunded before). Absent where the provider cannot (a bank transfer: the manager sends it).
   */
  refund?(payment: PaymentRow, amount: bigint): Promise<void>;
}

export type PaymentAdapters = Partial<Record<PaymentMethod, PaymentAdapter>>;
