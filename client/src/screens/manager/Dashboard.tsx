import { useQuery } from '@apollo/client/react';
import { Button, Group, Modal, SimpleGrid, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import { PoolCard } from '../../components/PoolCard.tsx';
import { PoolForm } from '../../components/PoolForm.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import {
  ListControls,
  ListPages,
  useListView,
  type ListView,
} from '../../components/ListControls.tsx';
import { toMinor } from '../../lib/money.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';

export const ManagerDashboardQuery = graphql(`
  query ManagerDashboard($after: String) {
    me {
      id
      managedPoolsConnection(first: 100, after: $after) {
        edges {
          node {
            ...PoolCardFields
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

/** The manager's pools, each live (cash, contributed, distributed, members, open alerts). */
export function Dashboard() {
  useDocumentTitle('Your pools');
  const { data, loading, error, refetch, fetchMore } = useQuery(ManagerDashboardQuery);
  const [creating, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  // The dashboard searches and sorts every pool: the pages after the first load on their own.
  useEveryPage(data?.me?.managedPoolsConnection, fetchMore);
  const pools = nodesOf(data?.me?.managedPoolsConnection);
  const view = useListView(pools, {
    searchText: (p) => p.name,
    sorts: {
      name: { label: 'Name', compare: (a, b) => a.name.localeCompare(b.name) },
      cash: {
        label: 'Cash',
        compare: (a, b) => {
          const d =
            toMinor(b.cashBalance.amount, b.currency) - toMinor(a.cashBalance.amount, a.currency);
          return d > 0n ? 1 : d < 0n ? -1 : 0;
        },
      },
      alerts: { label: 'Open alerts', compare: (a, b) => b.openAlertCount - a.openAlertCount },
    },
    filters: {
      DRAFT: { label: 'Draft', keep: (p) => p.status === 'DRAFT' },
      OPEN: { label: 'Open', keep: (p) => p.status === 'OPEN' },
      CLOSED: { label: 'Closed', keep: (p) => p.status === 'CLOSED' },
      ARCHIVED: { label: 'Archived', keep: (p) => p.status === 'ARCHIVED' },
    },
    pageSize: 8,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Your pools</Title>
        <Button onClick={open}>New pool</Button>
      </Group>
      {loading && !data ? (
        <Loading label="Loading your pools…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : pools.length === 0 ? (
        <Empty title="No pools yet">Create your first pool to invite investors.</Empty>
      ) : (
        <>
          <ListControls what="pools" view={view as ListView<unknown>} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {view.page.map((pool) => (
              <PoolCard key={pool.id} pool={pool} />
            ))}
          </SimpleGrid>
          <ListPages what="pools" view={view as ListView<unknown>} />
        </>
      )}
      <Modal opened={creating} onClose={close} title="New pool" size="lg">
        <PoolForm
          onDone={(id) => {
            close();
            void navigate(`/manager/pools/${id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
