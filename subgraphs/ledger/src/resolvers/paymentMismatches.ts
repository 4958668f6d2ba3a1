import { hasRole, requireRole } from '@poolgraph/auth';
import {
  badUserInput,
  forbidden,
  isUuid,
  notFound,
  pageOfList,
  pageRequest,
  type PageRule,
} from '@poolgraph/platform';
import type {
  QueryPaymentMismatchesArgs,
  QueryPaymentMismatchesConnectionArgs,
} from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { reconcile, type Mismatch } from '../payments/reconcile.ts';
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
export async function paymentMismatches(
  args: QueryPaymentMismatchesArgs,
  context: Context,
): Promise<Mismatch[]> {
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

/**
 * Where a mismatch sorts: the ledger's payments first, newest first by their transaction id
 * (UUIDv7, unique per payment), then the provider payments unknown here by their provider id
 * (hex in the cursor, which holds no colon), also descending.
 */
interface MismatchKey {
  unknownHere: boolean;
  id: string;
}

const keyOf = (m: Mismatch): MismatchKey =>
  m.kind === 'UNKNOWN_HERE'
    ? { unknownHere: true, id: Buffer.from(m.providerPaymentId ?? '', 'utf8').toString('hex') }
    : { unknownHere: false, id: m.transactionId ?? '' };

const follows = (m: Mismatch, key: MismatchKey): boolean => {
  const own = keyOf(m);
  return own.unknownHere === key.unknownHere ? own.id < key.id : own.unknownHere;
};

/** paymentMismatchesConnection: the stable order above, 50 a page by default, at most 200. */
export const MISMATCH_PAGE: PageRule<Mismatch, MismatchKey> = {
  kind: 'payment-mismatch',
  defaultSize: 50,
  maxSize: 200,
  keyOf: (m) => {
    const { unknownHere, id } = keyOf(m);
    return [unknownHere ? 'there' : 'here', id];
  },
  parseKey: ([where, id, ...rest]) => {
    if (id === undefined || rest.length > 0) return null;
    if (where === 'here') return isUuid(id) ? { unknownHere: false, id } : null;
    if (where === 'there')
      return /^([0-9a-f]{2}){1,255}$/.test(id) ? { unknownHere: true, id } : null;
    return null;
  },
};

/**
 * Query.paymentMismatchesConnection: the same reconciliation, with the same callers, a page at a
 * time. Each page reconciles the window again (the providers are asked each time): a payment
 * settled since the last page is simply no longer listed, and the cursor continues after its key.
 */
export async function paymentMismatchesConnection(
  { first, after, ...args }: QueryPaymentMismatchesConnectionArgs,
  context: Context,
) {
  const request = pageRequest({ first, after }, MISMATCH_PAGE);
  const sorted = [...(await paymentMismatches(args, context))].sort((a, b) =>
    follows(a, keyOf(b)) ? 1 : follows(b, keyOf(a)) ? -1 : 0,
  );
  return pageOfList(sorted, request, MISMATCH_PAGE, follows);
}
