import { requireViewer } from '@poolgraph/auth';
import { money } from '@poolgraph/money';
import { isUuid } from '@poolgraph/platform';
import type { TransactionResolvers } from '../__generated__/resolvers.ts';
import { canReadTransaction } from '../access.ts';
import type { Context } from '../context.ts';

/** A transaction by id, or null when it does not exist or the viewer may not see it. */
export async function visibleTransaction(id: string, { viewer, loaders }: Context) {
  const known = requireViewer(viewer);
  const row = isUuid(id) ? await loaders.transactionById.load(id) : null;
  if (!row) return null;
  const pool = await loaders.poolAccountById.load(row.poolId);
  return canReadTransaction(known, row, pool) ? row : null;
}

export const Transaction: TransactionResolvers = {
  __resolveReference: (reference, context) => visibleTransaction(reference.id, context),
  pool: (row) => ({ id: row.poolId }),
  investor: (row) => (row.investorId ? { id: row.investorId } : null),
  amount: (row) => money(row.amount, row.currency),
};
