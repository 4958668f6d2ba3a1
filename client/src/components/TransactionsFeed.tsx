import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type { TransactionRowFieldsFragment } from '../__generated__/graphql.ts';
import { Empty, ErrorState, Loading } from './States.tsx';
import { MoneyText } from './MoneyText.tsx';
import { formatMoment } from '../lib/dates.ts';

export const TransactionRowFields = graphql(`
  fragment TransactionRowFields on Transaction {
    id
    type
    status
    occurredAt
    amount {
      amount
      currency
    }
    investor {
      id
      name
    }
  }
`);

export const PoolTransactionsQuery = graphql(`
  query PoolTransactions($poolId: ID!, $after: String) {
    pool(id: $poolId) {
      id
      transactions(first: 20, after: $after) {
        nodes {
          ...TransactionRowFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const TransactionPostedSubscription = graphql(`
  subscription TransactionPosted($poolId: ID!) {
    transactionPosted(poolId: $poolId) {
      ...TransactionRowFields
    }
  }
`);

const TYPE_COLOR = {
  CONTRIBUTION: 'green',
  DISTRIBUTION: 'blue',
  FEE: 'grape',
  WITHDRAWAL: 'orange',
};

/** The pool's transactions, newest first; new ones arrive live on top. */
export function TransactionsFeed({ poolId }: { poolId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(PoolTransactionsQuery, {
    variables: { poolId },
  });
  const [live, setLive] = useState<TransactionRowFieldsFragment[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [older, setOlder] = useState<TransactionRowFieldsFragment[]>([]);
  const [cursor, setCursor] = useState<{ hasNextPage: boolean; endCursor?: string | null }>();
  useSubscription(TransactionPostedSubscription, {
    variables: { poolId },
    onData: ({ data: event }) => {
      const tx = event.data?.transactionPosted;
      if (tx) setLive((rows) => [tx, ...rows.filter((r) => r.id !== tx.id)]);
    },
  });

  if (loading && !data) return <Loading label="Loading transactions…" />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const page = data?.pool?.transactions;
  const seen = new Set<string>();
  const rows = [...live, ...(page?.nodes ?? []), ...older].filter((tx) =>
    seen.has(tx.id) ? false : (seen.add(tx.id), true),
  );
  const pageInfo = cursor ?? page?.pageInfo;
  if (rows.length === 0) {
    return (
      <Empty title="No transactions yet">Contributions, distributions and fees show here.</Empty>
    );
  }

  async function loadMore() {
    setLoadingMore(true);
    try {
      const result = await fetchMore({ variables: { after: pageInfo?.endCursor } });
      const next = result.data?.pool?.transactions;
      if (next) {
        setOlder((rows) => [...rows, ...next.nodes]);
        setCursor(next.pageInfo);
      }
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Transactions" aria-live="polite" data-testid="transactions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Investor</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((tx) => (
              <Table.Tr key={tx.id}>
                <Table.Td>
                  <Text size="sm">{formatMoment(tx.occurredAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={TYPE_COLOR[tx.type]}>
                    {tx.type.toLowerCase()}
                  </Badge>
                  {tx.status !== 'POSTED' && (
                    <Badge variant="outline" color="gray" ml={4}>
                      {tx.status.toLowerCase()}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{tx.investor?.name ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  <MoneyText money={tx.amount} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pageInfo?.hasNextPage && (
        <Button variant="subtle" onClick={() => void loadMore()} loading={loadingMore}>
          Older transactions
        </Button>
      )}
    </>
  );
}
