import { isUuid } from '@poolgraph/platform';
import { selectRecentPayments, type PaymentRow } from '../data/payments.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';
import type { PaymentsDeps } from './deps.ts';
import { lookUpPoolPayments } from './poolLookups.ts';
import type { ProviderPayment } from './provider.ts';
import { heldAmount } from './suspense.ts';

export type MismatchKind =
  | 'POSTED_HERE_NOT_PAID_THERE'
  | 'PAID_THERE_PENDING_HERE'
  | 'PAID_THERE_VOIDED_HERE'
  | 'AMOUNT_DIFFERS'
  | 'UNKNOWN_HERE'
  | 'MISSING_THERE'
  | 'HELD_IN_SUSPENSE';

/** One disagreement between a provider's records and the ledger. Amounts in minor units. */
export interface Mismatch {
  kind: MismatchKind;
  provider: string;
  providerPaymentId: string | null;
  transactionId: string | null;
  poolId: string | null;
  currency: string;
  ledgerStatus: string | null;
  ledgerAmount: bigint | null;
  providerStatus: string | null;
  providerAmount: bigint | null;
}

/** How far back reconciliation reads by default. */
export const RECONCILE_DAYS = 30;

function compare(
  payment: PaymentRow,
  transaction: TransactionRow | undefined,
  remote: ProviderPayment | undefined,
): Mismatch | null {
  const base = {
    provider: payment.provider,
    providerPaymentId: payment.providerPaymentId,
    transactionId: payment.transactionId,
    poolId: payment.poolId,
    currency: payment.currency,
    ledgerStatus: transaction?.status ?? null,
    ledgerAmount: transaction?.amount ?? null,
  };
  // A bank "provider" keeps no records of its own: what arrived is on the payment row.
  const paid =
    payment.provider === 'stripe'
      ? remote?.state.state === 'succeeded'
        ? remote.state.amountReceived
        : null
      : payment.receivedAmount;
  const providerStatus =
    payment.provider === 'stripe' ? (remote?.state.status ?? null) : payment.providerStatus;
  const at = (kind: MismatchKind): Mismatch => ({
    ...base,
    kind,
    providerStatus,
    providerAmount: paid,
  });
  if (payment.provider === 'stripe' && !remote) {
    return payment.providerPaymentId && transaction?.status !== 'VOIDED'
      ? at('MISSING_THERE')
      : null;
  }
  const status = transaction?.status;
  if (paid === null) return status === 'POSTED' ? at('POSTED_HERE_NOT_PAID_THERE') : null;
  // Money the pool did not take: held until refunded, then explained (refunds.ts).
  const posted = status === 'POSTED' ? transaction!.amount : 0n;
  if (
    status !== 'PENDING' &&
    paid === posted + heldAmount(payment, transaction) + payment.refundedAmount
  ) {
    return heldAmount(payment, transaction) > 0n ? at('HELD_IN_SUSPENSE') : null;
  }
  if (status === 'PENDING') return at('PAID_THERE_PENDING_HERE');
  if (status === 'VOIDED') return at('PAID_THERE_VOIDED_HERE');
  if (status === 'POSTED' && transaction!.amount !== paid) return at('AMOUNT_DIFFERS');
  return null;
}

/**
 * Lists every disagreement between the providers' records and the ledger for payments of the
 * last `days` (one pool's, or all): posted here but not paid there, paid there but pending or
 * voided here, a posted amount other than what was received, a provider payment the ledger has
 * no record of (whole-platform runs only), and a payment the provider does not know. In-flight
 * payments (pending here, not paid there yet) are not mismatches.
 */
export async function reconcile(
  deps: PaymentsDeps,
  options: { poolId?: string | null; days?: number } = {},
): Promise<Mismatch[]> {
  const since = new Date(Date.now() - (options.days ?? RECONCILE_DAYS) * 86_400_000);
  const poolId = options.poolId ?? null;
  const payments = await selectRecentPayments(deps.db, since, poolId);
  const transactions = new Map(
    (
      await selectTransactionsByIds(
        deps.db,
        payments.map((p) => p.transactionId),
      )
    ).map((t) => [t.id, t]),
  );
  const card = deps.adapters.CARD;
  // One pool's reconciliation asks about that pool's payments only (a bounded number of
  // lookups); listing the provider's history, every pool's, is for the whole-platform one.
  // A day's margin: an intent created just before the ledger's own row's time still counts.
  const remote = !card
    ? []
    : poolId
      ? await lookUpPoolPayments(card, payments, options.days ?? RECONCILE_DAYS)
      : await card.list(new Date(since.getTime() - 86_400_000));
  const byId = new Map(remote.map((r) => [r.providerPaymentId, r]));
  const mismatches: Mismatch[] = [];
  for (const payment of payments) {
    const found = payment.providerPaymentId ? byId.get(payment.providerPaymentId) : undefined;
    const mismatch = compare(payment, transactions.get(payment.transactionId), found);
    if (mismatch) mismatches.push(mismatch);
  }
  // A provider payment unknown here names no pool: only the whole-platform run can find it.
  if (poolId) return mismatches;
  const known = new Set(
    payments.flatMap((p) => (p.providerPaymentId ? [p.providerPaymentId] : [])),
  );
  const olderKnown = new Set(
    (
      await selectTransactionsByIds(
        deps.db,
        remote.flatMap((r) =>
          r.transactionId && isUuid(r.transactionId) ? [r.transactionId] : [],
        ),
      )
    ).map((t) => t.id),
  );
  for (const r of remote) {
    if (known.has(r.providerPaymentId)) continue;
    if (r.transactionId && olderKnown.has(r.transactionId)) continue;
    mismatches.push({
      kind: 'UNKNOWN_HERE',
      provider: 'stripe',
      providerPaymentId: r.providerPaymentId,
      transactionId: r.transactionId,
      poolId: null,
      currency: r.currency,
      ledgerStatus: null,
      ledgerAmount: null,
      providerStatus: r.state.status,
      providerAmount: r.state.state === 'succeeded' ? r.state.amountReceived : r.amount,
    });
  }
  return mismatches;
}
