import { useQuery } from '@apollo/client/react';
import { Button, Group, Modal, SimpleGrid, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import { PoolCard } from '../../components/PoolCard.tsx';
import { PoolForm } from '../../components/PoolForm.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';

export const ManagerDashboardQuery = graphql(`
  query ManagerDashboard {
    me {
      id
      managedPools {
        ...PoolCardFields
      }
    }
  }
`);

/** The manager's pools, each live (cash, contributed, distributed, members, open alerts). */
export function Dashboard() {
  useDocumentTitle('Your pools');
  const { data, loading, error, refetch } = useQuery(ManagerDashboardQuery);
  const [creating, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const pools = data?.me?.managedPools ?? [];
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
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {pools.map((pool) => (
            <PoolCard key={pool.id} pool={pool} />
          ))}
        </SimpleGrid>
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
