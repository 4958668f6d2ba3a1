import { requireViewer } from '@poolgraph/auth';
import { money } from '@poolgraph/money';
import { isUuid } from '@poolgraph/platform';
import type { TransactionResolvers } from '../__generated__/resolvers.ts';
import { canReadTransaction, managerOf } from '../access.ts';
import type { Context } from '../context.ts';

/** The pool's manager as the ledger knows it: its copy of pools' facts, else the cash account's. */
export async function managerOfPool(poolId: string, { loaders }: Context) {
  const [facts, account] = await Promise.all([
    loaders.poolFactsById.load(poolId),
    loaders.poolAccountById.load(poolId),
  ]);
  return managerOf(facts ?? undefined, account);
}

/** A transaction by id, or null when it does not exist or the viewer may not see it. */
export async function visibleTransaction(id: string, context: Context) {
  const known = requireViewer(context.viewer);
  const row = isUuid(id) ? await context.loaders.transactionById.load(id) : null;
  if (!row) return null;
  return canReadTransaction(known, row, await managerOfPool(row.poolId, context)) ? row : null;
}

export const Transaction: TransactionResolvers = {
  __resolveReference: (reference, context) => visibleTransaction(reference.id, context),
  pool: (row) => ({ id: row.poolId }),
  investor: (row) => (row.investorId ? { id: row.investorId } : null),
  amount: (row) => money(row.amount, row.currency),
  reservedAmount: (row) =>
    row.reservedAmount === null ? null : money(row.reservedAmount, row.currency),
};
