import { useQuery } from '@apollo/client/react';
import {
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { SUPPORTED_CURRENCIES } from '@poolgraph/money/browser';
import { useState } from 'react';
import { graphql } from '../__generated__/gql.ts';
import { MoneyText } from '../components/MoneyText.tsx';
import { PerformanceChart } from '../components/PerformanceChart.tsx';
import { PerformanceFigures } from '../components/PerformanceFigures.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { useSession } from '../session.tsx';
import { useDocumentTitle } from '../lib/documentTitle.ts';
import { nodesOf, useEveryPage } from '../lib/connections.ts';

export const TopInvestorsQuery = graphql(`
  query TopInvestors($currency: String!) {
    topInvestors(limit: 10, currency: $currency) {
      investor {
        id
        name
      }
      uniquePools
      totalInvested {
        amount
        currency
      }
    }
  }
`);
export const ReportPoolsQuery = graphql(`
  query ReportPools($after: String) {
    poolsConnection(first: 100, after: $after) {
      edges {
        node {
          id
          name
          currency
          manager {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
export const PoolPerformanceQuery = graphql(`
  query PoolPerformance($poolId: ID!) {
    poolPerformance(poolId: $poolId) {
      committed {
        amount
        currency
      }
      called {
        amount
        currency
      }
      contributed {
        amount
        currency
      }
      distributed {
        amount
        currency
      }
      fees {
        amount
        currency
      }
      cash {
        amount
        currency
      }
      investorCount
      dpi
      ...PerformanceFiguresFields
    }
  }
`);
/** The chart's series, by day or by month: every page of the one shown. */
const PoolSeriesQuery = graphql(`
  query PoolSeries($poolId: ID!, $daily: Boolean!, $after: String) {
    poolPerformance(poolId: $poolId) {
      byDayConnection(first: 1000, after: $after) @include(if: $daily) {
        ...PerformancePointPage
      }
      byMonthConnection(first: 1000, after: $after) @skip(if: $daily) {
        ...PerformancePointPage
      }
    }
  }
  fragment PerformancePointPage on PerformancePointConnection {
    edges {
      node {
        period
        contributed {
          amount
          currency
        }
        distributed {
          amount
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

function TopInvestors() {
  const [currency, setCurrency] = useState('USD');
  const { data, loading, error, refetch } = useQuery(TopInvestorsQuery, {
    variables: { currency },
  });
  const rows = data?.topInvestors ?? [];
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Top investors</Title>
        <Select
          aria-label="Currency"
          data={SUPPORTED_CURRENCIES}
          value={currency}
          onChange={(c) => c && setCurrency(c)}
          allowDeselect={false}
          searchable
          w={110}
        />
      </Group>
      {loading && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : rows.length === 0 ? (
        <Empty title={`No ${currency} contributions yet`} />
      ) : (
        <Table striped aria-label="Top investors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Investor</Table.Th>
              <Table.Th ta="right">Pools</Table.Th>
              <Table.Th ta="right">Invested</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.investor.id}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{r.investor.name}</Table.Td>
                <Table.Td ta="right">{r.uniquePools}</Table.Td>
                <Table.Td ta="right">
                  <MoneyText money={r.totalInvested} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function PoolPerformance() {
  const session = useSession();
  const pools = useQuery(ReportPoolsQuery);
  // The picker offers every pool: the pages after the first load on their own.
  useEveryPage(pools.data?.poolsConnection, pools.fetchMore);
  const isAdmin = session?.user.roles.includes('ADMIN');
  const mine = nodesOf(pools.data?.poolsConnection).filter(
    (p) => isAdmin || p.manager.id === session?.user.id,
  );
  const [poolId, setPoolId] = useState<string | null>(null);
  const [grain, setGrain] = useState<'byMonth' | 'byDay'>('byMonth');
  const pool = mine.find((p) => p.id === poolId) ?? mine[0];
  const perf = useQuery(PoolPerformanceQuery, {
    variables: { poolId: pool?.id ?? '' },
    skip: !pool,
  });
  const p = perf.data?.poolPerformance;
  const series = useQuery(PoolSeriesQuery, {
    variables: { poolId: pool?.id ?? '', daily: grain === 'byDay' },
    skip: !pool,
  });
  const shown = series.data?.poolPerformance;
  const page = grain === 'byDay' ? shown?.byDayConnection : shown?.byMonthConnection;
  useEveryPage(page, series.fetchMore);
  const points = nodesOf(page);
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Pool performance</Title>
        {pool && (
          <Select
            aria-label="Pool"
            data={mine.map((x) => ({ value: x.id, label: x.name }))}
            value={pool.id}
            onChange={setPoolId}
            allowDeselect={false}
            w={240}
          />
        )}
      </Group>
      {pools.loading && !pools.data ? (
        <Loading />
      ) : pools.error && !pools.data ? (
        <ErrorState error={pools.error} retry={() => void pools.refetch()} />
      ) : !pool ? (
        <Empty title="No pools to report on" />
      ) : perf.loading && !perf.data ? (
        <Loading label="Loading performance…" />
      ) : perf.error && !perf.data ? (
        <ErrorState error={perf.error} retry={() => void perf.refetch()} />
      ) : p ? (
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(
              [
                ['Committed', p.committed],
                ['Called', p.called],
                ['Contributed', p.contributed],
                ['Distributed', p.distributed],
                ['Fees', p.fees],
                ['Cash', p.cash],
              ] as const
            ).map(([label, money]) => (
              <Stack gap={0} key={label}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {label}
                </Text>
                <MoneyText money={money} fw={600} />
              </Stack>
            ))}
            <Stack gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Investors
              </Text>
              <Text fw={600}>{p.investorCount}</Text>
            </Stack>
          </SimpleGrid>
          <PerformanceFigures figures={p} />
          <SegmentedControl
            aria-label="Period"
            value={grain}
            onChange={(v) => setGrain(v as 'byMonth' | 'byDay')}
            data={[
              { value: 'byMonth', label: 'By month' },
              { value: 'byDay', label: 'By day' },
            ]}
            w={220}
          />
          {series.loading && !page ? (
            <Loading label="Loading activity…" />
          ) : series.error && !page ? (
            <ErrorState error={series.error} retry={() => void series.refetch()} />
          ) : points.length === 0 ? (
            <Empty title="No activity yet" />
          ) : (
            <PerformanceChart points={points} currency={pool.currency} />
          )}
        </Stack>
      ) : null}
    </Card>
  );
}

export function Reports() {
  useDocumentTitle('Reports');
  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <TopInvestors />
      <PoolPerformance />
    </Stack>
  );
}
