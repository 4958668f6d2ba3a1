import { hasRole, requireRole } from '@poolgraph/auth';
import { badUserInput, forbidden, isUuid, notFound } from '@poolgraph/platform';
import type { QueryPaymentMismatchesArgs } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { reconcile } from '../payments/reconcile.ts';
import { managerOfPool } from './Transaction.ts';

const MAX_DAYS = 365;

/**
 * Whether the caller manages the pool: by the local copy, or, when the copy does not say so
 * (it may not have heard of a pool created a moment ago), by pools' answer, kept in the copy.
 */
async function manages(userId: string, poolId: string, context: Context): Promise<boolean> {
  if ((await managerOfPool(poolId, context)) === userId) return true;
  if (!(await context.confirmedVisible(poolId))) return false;
  return (await context.views(poolId, userId)).facts?.managerId === userId;
}

/**
 * Query.paymentMismatches: reconciliation for operators. An admin sees every pool; a manager
 * only a pool of theirs, named by poolId (unknown-here provider payments name no pool, so only
 * admins see those).
 */
export async function paymentMismatches(args: QueryPaymentMismatchesArgs, context: Context) {
  const actor = requireRole(context.viewer, 'MANAGER', 'ADMIN');
  const days = args.days ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw badUserInput('days', `must be between 1 and ${MAX_DAYS}.`);
  }
  const poolId = args.poolId ?? null;
  if (!hasRole(actor, 'ADMIN')) {
    if (!poolId) throw forbidden('Only admins reconcile every pool; name one of your pools.');
    if (!isUuid(poolId)) throw notFound('Pool');
    if (!(await manages(actor.userId, poolId, context))) {
      throw forbidden("Only the pool's manager and admins can reconcile its payments.");
    }
  }
  return reconcile(context.payments, { poolId, days });
}
