import { requireViewer, type Viewer } from '@poolgraph/auth';
import { isSupportedCurrency, money } from '@poolgraph/money';
import { badUserInput, forbidden, isUuid } from '@poolgraph/platform';
import type { PoolResolvers } from '../__generated__/resolvers.ts';
import { accountKey } from '../data/investorAccounts.ts';
import { canSeePool, managerOf, seesWholePool } from '../access.ts';
import type { Context } from '../context.ts';
import type { PoolAccountRow, PoolRef } from '../data/poolAccounts.ts';
import { decodeCursor } from './TransactionConnection.ts';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/**
 * The pool's cash account, when the viewer may see the pool: pools' visibility rule, applied
 * with the ledger's own copy of the pool, so a direct call to the ledger with any valid token
 * reads no more than the gateway would show. The copy may lag a change just made (a pool
 * opened a moment ago): a refusal is confirmed with pools, once per pool and request.
 */
async function visibleAccount(
  ref: PoolRef,
  viewer: Viewer,
  context: Context,
): Promise<PoolAccountRow | null> {
  if (!isUuid(ref.id)) return null;
  const { loaders } = context;
  const [account, facts, isMember] = await Promise.all([
    loaders.poolAccountById.load(ref.id),
    loaders.poolFactsById.load(ref.id),
    loaders.isMemberByKey.load(accountKey(ref.id, viewer.userId)),
  ]);
  if (canSeePool(viewer, { facts: facts ?? undefined, isMember }, account)) return account;
  if (!(await context.confirmedVisible(ref.id))) {
    throw forbidden('This pool is not visible to you.');
  }
  return account;
}

/**
 * A pool total. Pools the ledger has posted to answer from their own row (and currency); a
 * pool without transactions is zero in the currency pools supplied through @requires.
 */
async function figure(ref: PoolRef, context: Context, pick: (row: PoolAccountRow) => bigint) {
  const row = await visibleAccount(ref, requireViewer(context.viewer), context);
  if (row) return money(pick(row), row.currency);
  if (!ref.currency || !isSupportedCurrency(ref.currency)) {
    throw new Error(`Pool ${ref.id} came without a supported currency`);
  }
  return money(0n, ref.currency);
}

export const Pool: PoolResolvers = {
  __resolveReference: (reference) => ({
    id: reference.id,
    currency: 'currency' in reference ? reference.currency : null,
  }),
  cashBalance: (pool, _args, context) => figure(pool, context, (row) => row.cashBalance),
  totalContributed: (pool, _args, context) => figure(pool, context, (row) => row.totalContributed),
  totalDistributed: (pool, _args, context) => figure(pool, context, (row) => row.totalDistributed),
  totalFees: (pool, _args, context) => figure(pool, context, (row) => row.totalFees),
  totalWithdrawn: (pool, _args, context) => figure(pool, context, (row) => row.totalWithdrawn),
  totalProceeds: (pool, _args, context) => figure(pool, context, (row) => row.totalProceeds),
  pendingContributions: (pool, _args, context) => figure(pool, context, (row) => row.pendingIn),
  pendingPayouts: (pool, _args, context) => figure(pool, context, (row) => row.pendingOut),
  spendableCash: (pool, _args, context) =>
    figure(pool, context, (row) => row.cashBalance - row.pendingOut),
  suspense: async (pool, _args, context) => {
    const viewer = requireViewer(context.viewer);
    const zero = await figure(pool, context, () => 0n);
    const facts = await context.loaders.poolFactsById.load(pool.id);
    const account = await context.loaders.poolAccountById.load(pool.id);
    if (!seesWholePool(viewer, managerOf(facts ?? undefined, account), pool.id)) return zero;
    return money(await context.loaders.heldByPoolId.load(pool.id), zero.currency);
  },
  transactions: async (pool, { first, after }, context) => {
    const known = requireViewer(context.viewer);
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
      throw badUserInput('first', `must be between 1 and ${MAX_PAGE}.`);
    }
    const afterId = after == null ? null : decodeCursor(after);
    const row = await visibleAccount(pool, known, context);
    if (!row) return { rows: [], hasNextPage: false };
    const facts = await context.loaders.poolFactsById.load(pool.id);
    const page = await context.loaders.transactionPageByKey.load({
      poolId: pool.id,
      investorId: seesWholePool(known, managerOf(facts ?? undefined, row), pool.id)
        ? null
        : known.userId,
      first: size,
      after: afterId,
    });
    return { ...page, hasPreviousPage: afterId !== null };
  },
};
