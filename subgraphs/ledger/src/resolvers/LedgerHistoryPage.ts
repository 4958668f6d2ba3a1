import { requireRole } from '@poolgraph/auth';
import { badUserInput, connectionOf, pageRequest, type PageRule } from '@poolgraph/platform';
import type {
  LedgerHistoryConnection,
  LedgerHistoryEntry,
  LedgerHistoryPage,
  QueryLedgerHistoryArgs,
  QueryLedgerHistoryConnectionArgs,
} from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { selectHistoryPage, type HistoryRow } from '../data/history.ts';

export const MAX_HISTORY_PAGE = 5_000;

/** The export's connection: posting order, keyed by the cash leg's entry id. */
const HISTORY_PAGE: PageRule<HistoryRow, bigint> = {
  kind: 'ledgerHistory',
  defaultSize: 1_000,
  maxSize: MAX_HISTORY_PAGE,
  keyOf: (row) => [row.sequence.toString()],
  parseKey: ([sequence, ...rest]) =>
    sequence && rest.length === 0 && /^\d{1,19}$/.test(sequence) ? BigInt(sequence) : null,
};

const entryOf = (r: HistoryRow): LedgerHistoryEntry => ({
  transactionId: r.transactionId,
  poolId: r.poolId,
  investorId: r.investorId,
  type: r.type,
  amountMinor: r.amountMinor.toString(),
  currency: r.currency,
  occurredAt: r.occurredAt,
  allocations: r.allocations.map((a) => ({
    investorId: a.investorId,
    amountMinor: a.amountMinor.toString(),
  })),
  tiers: r.tiers && {
    returnOfCapitalMinor: r.tiers.returnOfCapital.toString(),
    preferredReturnMinor: r.tiers.preferredReturn.toString(),
    profitShareMinor: r.tiers.profitShare.toString(),
  },
});

/**
 * Query.ledgerHistoryConnection (ADMIN): every posted transaction in posting order, a page at
 * a time, for read models that rebuild themselves (reports:rebuild). Amounts are minor units.
 */
export async function ledgerHistoryConnection(
  args: QueryLedgerHistoryConnectionArgs,
  context: Context,
): Promise<LedgerHistoryConnection> {
  requireRole(context.viewer, 'ADMIN');
  const request = pageRequest(args, HISTORY_PAGE);
  const rows = await selectHistoryPage(context.db, request.after ?? 0n, request.first + 1);
  const page = connectionOf(rows, request, HISTORY_PAGE);
  return {
    pageInfo: page.pageInfo,
    edges: page.edges.map(({ node, cursor }) => ({ cursor, node: entryOf(node) })),
  };
}

/** Query.ledgerHistory, deprecated for ledgerHistoryConnection: its cursor is the bare sequence. */
export async function ledgerHistory(
  args: QueryLedgerHistoryArgs,
  context: Context,
): Promise<LedgerHistoryPage> {
  requireRole(context.viewer, 'ADMIN');
  const first = args.first ?? 1_000;
  if (first < 1 || first > MAX_HISTORY_PAGE) {
    throw badUserInput('first', `must be between 1 and ${MAX_HISTORY_PAGE}, got ${first}.`);
  }
  const after = args.after ?? '0';
  if (!/^\d{1,19}$/.test(after)) throw badUserInput('after', 'must be an endCursor of this query.');
  const rows = await selectHistoryPage(context.db, BigInt(after), first + 1);
  const page = rows.slice(0, first);
  return {
    entries: page.map(entryOf),
    endCursor: page.length > 0 ? page[page.length - 1]!.sequence.toString() : (args.after ?? null),
    hasNextPage: rows.length > first,
  };
}
