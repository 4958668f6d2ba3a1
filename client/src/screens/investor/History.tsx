import { useLazyQuery, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { saveCsv } from '../../lib/csvDownload.ts';
import { graphql } from '../../__generated__/gql.ts';
import type {
  TransactionHistoryQuery as HistoryData,
  TransactionStatus,
  TransactionType,
} from '../../__generated__/graphql.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formErrors } from '../../lib/errors.ts';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';

export const TransactionHistoryQuery = graphql(`
  query TransactionHistory($filter: TransactionHistoryFilter, $first: Int, $after: String) {
    transactionHistory(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        type
        status
        amount {
          amount
          currency
        }
        pool {
          id
          name
        }
        occurredAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TransactionHistoryCsvQuery = graphql(`
  query TransactionHistoryCsv($filter: TransactionHistoryFilter) {
    transactionHistoryCsv(filter: $filter)
  }
`);

export const HistoryPoolsQuery = graphql(`
  query HistoryPools($after: String) {
    me {
      id
      membershipsConnection(first: 100, after: $after) {
        edges {
          node {
            id
            pool {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

type Row = HistoryData['transactionHistory']['nodes'][number];
const PAGE = 25;
const TYPES: TransactionType[] = ['CONTRIBUTION', 'DISTRIBUTION', 'FEE', 'WITHDRAWAL'];
const STATUSES: TransactionStatus[] = ['PENDING', 'POSTED', 'VOIDED'];
const STATUS_COLOR: Record<TransactionStatus, string> = {
  PENDING: 'yellow',
  POSTED: 'green',
  VOIDED: 'gray',
};
const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();
/** Midnight UTC of a yyyy-mm-dd date, or null for an empty field. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00Z`).toISOString() : null);

/** Every transaction of the investor's, across pools, filtered, paged and downloadable as CSV. */
export function History() {
  useDocumentTitle('Transactions');
  const [poolId, setPoolId] = useState<string | null>(null);
  const [type, setType] = useState<TransactionType | null>(null);
  const [status, setStatus] = useState<TransactionStatus | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = from && to && from >= to ? 'The end must be after the start.' : undefined;
  const filter = { poolId, type, status, from: dayStart(from), to: dayStart(to) };
  const pools = useQuery(HistoryPoolsQuery);
  useEveryPage(pools.data?.me?.membershipsConnection, pools.fetchMore);
  const { data, loading, error, refetch, fetchMore } = useQuery(TransactionHistoryQuery, {
    variables: { filter, first: PAGE },
    skip: !!badRange,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [loadCsv, csv] = useLazyQuery(TransactionHistoryCsvQuery, { fetchPolicy: 'network-only' });
  const page = data?.transactionHistory;

  async function download() {
    const { data: file } = await loadCsv({ variables: { filter } }).catch(() => ({
      data: undefined,
    }));
    if (!file) return;
    saveCsv('transactions', file.transactionHistoryCsv, { from, to });
  }

  function loadMore() {
    if (!page?.pageInfo.endCursor) return;
    void fetchMore({
      variables: { after: page.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        transactionHistory: {
          ...fetchMoreResult.transactionHistory,
          nodes: [
            ...previous.transactionHistory.nodes,
            ...fetchMoreResult.transactionHistory.nodes,
          ],
        },
      }),
    });
  }

  const poolOptions = nodesOf(pools.data?.me?.membershipsConnection).map((m) => ({
    value: m.pool.id,
    label: m.pool.name,
  }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>Transactions</Title>
        <Button onClick={() => void download()} loading={csv.loading} disabled={!!badRange}>
          Download CSV
        </Button>
      </Group>
      {csv.error && <FormAlert errors={formErrors(csv.error)} />}
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          <Select
            label="Pool"
            placeholder="All pools"
            data={poolOptions}
            value={poolId}
            onChange={setPoolId}
            clearable
          />
          <Select
            label="Type"
            placeholder="All types"
            data={TYPES.map((t) => ({ value: t, label: words(t) }))}
            value={type}
            onChange={(v) => setType(v as TransactionType | null)}
            clearable
          />
          <Select
            label="Status"
            placeholder="All statuses"
            data={STATUSES.map((s) => ({ value: s, label: words(s) }))}
            value={status}
            onChange={(v) => setStatus(v as TransactionStatus | null)}
            clearable
          />
          <TextInput
            label="From"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label="To (exclusive)"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={badRange}
          />
        </SimpleGrid>
      </Card>
      {loading && !data ? (
        <Loading label="Loading your transactions…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !page || page.nodes.length === 0 ? (
        <Empty title="No transactions match">
          Your contributions, distributions and withdrawals show up here.
        </Empty>
      ) : (
        <>
          <DataTable
            label="Transactions"
            rows={page.nodes}
            rowKey={(row) => row.id}
            rowTestId={(row) => `history-${row.id}`}
            columns={[
              { label: 'Pool', primary: true, cell: (row: Row) => row.pool.name },
              { label: 'Type', cell: (row: Row) => words(row.type) },
              {
                label: 'Status',
                cell: (row: Row) => (
                  <Badge color={STATUS_COLOR[row.status]} variant="dot">
                    {words(row.status)}
                  </Badge>
                ),
              },
              { label: 'When', cell: (row: Row) => formatMoment(row.occurredAt) },
              {
                label: 'Amount',
                align: 'right',
                cell: (row: Row) => (
                  <MoneyText
                    money={row.amount}
                    outflow={row.type !== 'CONTRIBUTION'}
                    data-amount={row.amount.amount}
                  />
                ),
              },
            ]}
          />
          {page.pageInfo.hasNextPage && (
            <Button variant="default" onClick={loadMore} loading={loading}>
              Show older transactions
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
