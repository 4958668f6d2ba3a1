import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { badUserInput, isUuid, notFound } from '@poolgraph/platform';
import { selectPaymentByTransactionId } from '../data/payments.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';
import type { SettlementOutcome } from '../movements/journal.ts';
import { settlePending, type Settled } from '../movements/settlePending.ts';
import type { PaymentsDeps } from './deps.ts';
import { refundCardIfHeld } from './refunds.ts';
import { announceHeldOf } from './suspense.ts';
import { outcomeOf, recordProviderState } from './settlement.ts';

/**
 * Ends a pending transaction early (it expired, or was cancelled). Without a payment (a payout),
 * or for a bank transfer, it voids. A card payment is cancelled at the provider first:
 * cancelled, it voids; succeeded at the last moment, it posts (the money arrived), or is held
 * and refunded when the pool can no longer take it. A provider that does not answer throws:
 * the sweeper tries again on its next pass rather than void money that may have been taken,
 * and a cancel is refused with the provider's outage.
 */
export async function endPending(deps: PaymentsDeps, row: TransactionRow): Promise<Settled> {
  let payment = await selectPaymentByTransactionId(deps.db, row.id);
  const adapter = payment && deps.adapters[payment.method];
  let outcome: SettlementOutcome = { status: 'VOIDED' };
  if (payment && adapter) {
    const state = await adapter.cancel(payment);
    payment = await recordProviderState(deps, payment, state);
    outcome = outcomeOf(payment, state) ?? outcome;
  }
  const settled = await settlePending(deps.db, row, outcome);
  if (!payment) return settled;
  // Settled by another meanwhile (a webhook): what the provider's answer made held is told here.
  if (!settled.changed) await announceHeldOf(deps, row.id);
  await refundCardIfHeld(deps, payment, settled.row);
  return settled;
}

/**
 * cancelContribution: the investor who started a pending contribution, or the pool's manager
 * (or an admin), ends it now: what a lifecycle change that refuses pending money asks for.
 */
export async function cancelContribution(
  deps: PaymentsDeps,
  viewer: Viewer | null,
  transactionId: string,
): Promise<TransactionRow> {
  const actor = requireRole(viewer, 'INVESTOR', 'MANAGER', 'ADMIN');
  const [row] = isUuid(transactionId)
    ? await selectTransactionsByIds(deps.db, [transactionId])
    : [];
  if (!row) throw notFound('Transaction');
  const [facts] = await selectPoolFactsByIds(deps.db, [row.poolId]);
  const allowed =
    row.investorId === actor.userId || hasRole(actor, 'ADMIN') || facts?.managerId === actor.userId;
  if (!allowed) throw notFound('Transaction');
  if (row.type !== 'CONTRIBUTION' || row.reservedAmount === null) {
    throw badUserInput('transactionId', 'is not a contribution started with startContribution.');
  }
  if (row.status !== 'PENDING') return row;
  const settled = await endPending(deps, row);
  if (settled.changed) deps.onSettled();
  return settled.row;
}
