import { hasRole, requireRecentSecondFactor, requireRole, type Viewer } from '@poolgraph/auth';
import { badUserInput, isUuid, notFound } from '@poolgraph/platform';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { selectTransactionsByIds, type TransactionRow } from '../data/transactions.ts';
import { settlePending } from '../movements/settlePending.ts';
import { distributePending, type OperationDeps } from '../movements/submit.ts';
import type { PaymentsDeps } from './deps.ts';

/**
 * startDistribution: distribute's split, each member's share a PENDING payout that holds its
 * cash (not spendable by anything else) until the manager confirms the bank paid it out
 * (POSTED) or voids it. Unconfirmed payouts void themselves after the bank-transfer timeout.
 */
export function startDistribution(
  deps: OperationDeps & { payments: PaymentsDeps },
  viewer: Viewer | null,
  args: { poolId: string; amount: string; idempotencyKey: string },
): Promise<TransactionRow[]> {
  const expiresAt = new Date(Date.now() + deps.payments.timeoutsMs.BANK_TRANSFER);
  return distributePending(deps, viewer, args, expiresAt);
}

/**
 * confirmPayout / voidPayout: the pool's manager (or an admin) ends a pending payout, a share of
 * startDistribution or a withdrawal paid out. Confirming needs a recent second factor when the
 * caller's account has one (step-up).
 */
export async function settlePayout(
  deps: PaymentsDeps,
  viewer: Viewer | null,
  transactionId: string,
  status: 'POSTED' | 'VOIDED',
): Promise<TransactionRow> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  // Money leaves for a bank account: a caller whose account has (or must have) a second factor
  // proves it within 5 minutes (the token's mfa_req / mfa_at claims; FORBIDDEN, use "stepUp").
  // Voiding keeps the money in the pool, so it needs no step-up.
  if (status === 'POSTED') requireRecentSecondFactor(actor);
  const [row] = isUuid(transactionId)
    ? await selectTransactionsByIds(deps.db, [transactionId])
    : [];
  if (!row) throw notFound('Transaction');
  const [facts] = await selectPoolFactsByIds(deps.db, [row.poolId]);
  if (!hasRole(actor, 'ADMIN') && facts?.managerId !== actor.userId) {
    throw notFound('Transaction');
  }
  if (row.type === 'CONTRIBUTION' || row.reservedAmount === null) {
    throw badUserInput(
      'transactionId',
      'is not a payout (a distribution started with startDistribution, or a withdrawal paid out).',
    );
  }
  const settled = await settlePending(
    deps.db,
    row,
    status === 'POSTED' ? { status, amount: row.reservedAmount } : { status },
  );
  if (settled.changed) deps.onSettled();
  return settled.row;
}
