import type { TransactionPostedPayload } from '@poolgraph/events';
import { peerFetch } from '@poolgraph/platform';
import type { LedgerTransaction } from '../services/readModel.ts';

const LEDGER_HISTORY = `query LedgerHistory($after: String, $first: Int) {
  ledgerHistoryConnection(after: $after, first: $first) {
    edges { node { transactionId poolId investorId type amountMinor currency occurredAt
      allocations { investorId amountMinor }
      tiers { returnOfCapitalMinor preferredReturnMinor profitShareMinor } } }
    pageInfo { endCursor hasNextPage } } }`;

export interface HistoryPage {
  transactions: LedgerTransaction[];
  endCursor: string | null;
  hasNextPage: boolean;
}

type Entry = Omit<LedgerTransaction, 'amountMinor' | 'occurredAt' | 'allocations' | 'tiers'> & {
  amountMinor: string;
  occurredAt: string;
  allocations: Array<{ investorId: string; amountMinor: string }>;
  tiers: TransactionPostedPayload['tiers'] | null;
};

/**
 * The ledger's paged, ordered history export (Query.ledgerHistoryConnection, ADMIN), read through the
 * gateway or the ledger's own /graphql with an admin's token.
 */
export function ledgerHistoryReader(url: string, token: string) {
  return async (after: string | null, first = 2_000): Promise<HistoryPage> => {
    const response = await peerFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: LEDGER_HISTORY, variables: { after, first } }),
    });
    const body = (await response.json()) as {
      data?: {
        ledgerHistoryConnection: {
          edges: Array<{ node: Entry }>;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      errors?: Array<{ message: string }>;
    };
    if (!body.data || body.errors?.length) {
      throw new Error(
        `ledgerHistoryConnection failed: ${body.errors?.map((e) => e.message).join('; ')}`,
      );
    }
    const page = body.data.ledgerHistoryConnection;
    return {
      transactions: page.edges.map(({ node: e }) => ({
        ...e,
        amountMinor: BigInt(e.amountMinor),
        occurredAt: new Date(e.occurredAt),
        allocations: e.allocations.map((a) => ({ ...a, amountMinor: BigInt(a.amountMinor) })),
        tiers: e.tiers
          ? {
              returnOfCapital: BigInt(e.tiers.returnOfCapitalMinor),
              preferredReturn: BigInt(e.tiers.preferredReturnMinor),
              profitShare: BigInt(e.tiers.profitShareMinor),
            }
          : null,
      })),
      // An empty page has no cursor of its own: the next read starts where this one did.
      endCursor: page.pageInfo.endCursor ?? after,
      hasNextPage: page.pageInfo.hasNextPage,
    };
  };
}
