import { requireViewer } from '@poolgraph/auth';
import { isSupportedCurrency, money } from '@poolgraph/money';
import { badUserInput, isUuid } from '@poolgraph/platform';
import type { PoolResolvers } from '../__generated__/resolvers.ts';
import { seesWholePool } from '../access.ts';
import type { Context } from '../context.ts';
import type { PoolAccountRow, PoolRef } from '../data/pools.ts';
import { decodeCursor } from './TransactionConnection.ts';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/**
 * A pool total. Pools the ledger has posted to answer from their own row (and currency); a
 * pool without transactions is zero in the currency pools supplied through @requires.
 */
async function figure(ref: PoolRef, context: Context, pick: (row: PoolAccountRow) => bigint) {
  requireViewer(context.viewer);
  const row = isUuid(ref.id) ? await context.loaders.poolAccountById.load(ref.id) : null;
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
  transactions: async (pool, { first, after }, { viewer, loaders }) => {
    const known = requireViewer(viewer);
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
      throw badUserInput('first', `must be between 1 and ${MAX_PAGE}.`);
    }
    const afterId = after == null ? null : decodeCursor(after);
    const row = isUuid(pool.id) ? await loaders.poolAccountById.load(pool.id) : null;
    if (!row) return { rows: [], hasNextPage: false };
    return loaders.transactionPageByKey.load({
      poolId: pool.id,
      investorId: seesWholePool(known, row) ? null : known.userId,
      first: size,
      after: afterId,
    });
  },
};
