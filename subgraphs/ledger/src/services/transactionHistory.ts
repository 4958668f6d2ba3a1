import { delegationCovers, hasRole, requireViewer } from '@poolgraph/auth';
import { formatAmount } from '@poolgraph/money';
import {
  badUserInput,
  csvDecimal,
  csvDocument,
  csvText,
  forbidden,
  isUuid,
} from '@poolgraph/platform';
import type { Context } from '../context.ts';
import type { TransactionStatus, TransactionType } from '../db/schema.ts';
import { selectPoolIdsByManager } from '../data/poolFacts.ts';
import {
  selectTransactionHistory,
  type HistoryFilter,
  type TransactionPage,
  type TransactionRow,
} from '../data/transactions.ts';
import { managerOfPool } from '../resolvers/Transaction.ts';

/** What a caller asks for (the SDL's TransactionHistoryFilter). */
export interface HistoryInput {
  poolId?: string | null;
  investorId?: string | null;
  type?: TransactionType | null;
  status?: TransactionStatus | null;
  from?: Date | null;
  to?: Date | null;
}

export const MAX_HISTORY_PAGE = 100;
/** An export is one query: a larger one must be narrowed (dates, pool) rather than truncated. */
export const MAX_HISTORY_CSV_ROWS = 10_000;

const NOTHING: HistoryFilter = {
  poolIds: [],
  investorId: null,
  type: null,
  status: null,
  from: null,
  to: null,
  after: null,
};

/**
 * The filter a caller may read with. Admins: anything. A manager: the pools they manage (one
 * they do not manage is FORBIDDEN), any investor of them; a delegated key the same, over the
 * pools it covers. Anyone else: their own transactions
 * only (another investor's id is FORBIDDEN), in any pool. Malformed ids name nothing.
 */
async function scopedFilter(input: HistoryInput, context: Context): Promise<HistoryFilter> {
  const viewer = requireViewer(context.viewer);
  if (input.from && input.to && input.from.getTime() >= input.to.getTime()) {
    throw badUserInput('to', 'must be after from.');
  }
  const poolId = input.poolId ?? null;
  const investorId = input.investorId ?? null;
  if ((poolId !== null && !isUuid(poolId)) || (investorId !== null && !isUuid(investorId))) {
    return NOTHING;
  }
  const base = {
    type: input.type ?? null,
    status: input.status ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
    after: null,
  };
  if (hasRole(viewer, 'ADMIN')) {
    return { ...base, poolIds: poolId === null ? null : [poolId], investorId };
  }
  if (viewer.delegation) {
    // A delegated key: its manager's pools it covers, as that manager would read them.
    const covered = (await selectPoolIdsByManager(context.db, viewer.delegation.managerId)).filter(
      (id) => delegationCovers(viewer, { id, managerId: viewer.delegation!.managerId }),
    );
    if (poolId !== null && !covered.includes(poolId)) {
      throw forbidden('This API key does not cover that pool.');
    }
    return { ...base, poolIds: poolId === null ? covered : [poolId], investorId };
  }
  if (hasRole(viewer, 'MANAGER')) {
    if (poolId !== null) {
      if ((await managerOfPool(poolId, context)) !== viewer.userId) {
        throw forbidden("Only the pool's manager or an admin can read its transactions.");
      }
      return { ...base, poolIds: [poolId], investorId };
    }
    return {
      ...base,
      poolIds: await selectPoolIdsByManager(context.db, viewer.userId),
      investorId,
    };
  }
  if (investorId !== null && investorId !== viewer.userId) {
    throw forbidden('Investors can read only their own transactions.');
  }
  return { ...base, poolIds: poolId === null ? null : [poolId], investorId: viewer.userId };
}

/** One page of the history, newest first. */
export async function transactionHistoryPage(
  input: HistoryInput,
  first: number,
  after: string | null,
  context: Context,
): Promise<TransactionPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_HISTORY_PAGE) {
    throw badUserInput('first', `must be between 1 and ${MAX_HISTORY_PAGE}, got ${first}.`);
  }
  const filter = { ...(await scopedFilter(input, context)), after };
  const rows = await selectTransactionHistory(context.db, filter, first + 1);
  for (const row of rows) context.loaders.transactionById.prime(row.id, row);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, hasPreviousPage: !!after };
}

const HEADER = [
  'transaction_id',
  'occurred_at',
  'pool_id',
  'investor_id',
  'type',
  'status',
  'amount',
  'reserved_amount',
  'currency',
];

/** The history as CSV (the platform's inert writer): ids and words as text, amounts bare. */
export function historyCsv(rows: readonly TransactionRow[]): string {
  return csvDocument(
    HEADER,
    rows.map((r) => [
      csvText(r.id),
      csvText(r.occurredAt.toISOString()),
      csvText(r.poolId),
      csvText(r.investorId ?? ''),
      csvText(r.type),
      csvText(r.status),
      csvDecimal(formatAmount(r.amount, r.currency)),
      r.reservedAmount === null
        ? csvText('')
        : csvDecimal(formatAmount(r.reservedAmount, r.currency)),
      csvText(r.currency),
    ]),
  );
}

/** Every transaction the filter matches, as CSV; more than MAX_HISTORY_CSV_ROWS is refused. */
export async function transactionHistoryCsv(
  input: HistoryInput,
  context: Context,
): Promise<string> {
  const filter = await scopedFilter(input, context);
  const rows = await selectTransactionHistory(context.db, filter, MAX_HISTORY_CSV_ROWS + 1);
  if (rows.length > MAX_HISTORY_CSV_ROWS) {
    throw badUserInput(
      'filter',
      `more than ${MAX_HISTORY_CSV_ROWS} transactions match; narrow the dates or choose a pool.`,
    );
  }
  return historyCsv(rows);
}
