import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { toast } from '../../lib/toast.ts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CommitmentForm } from './CommitmentForm.tsx';
import { graphql } from '../../__generated__/gql.ts';
import type { OpenPoolsQuery as OpenPoolsData } from '../../__generated__/graphql.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import {
  ListControls,
  ListPages,
  useListView,
  type ListView,
} from '../../components/ListControls.tsx';
import { toMinor } from '../../lib/money.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { TermsSummary } from '../../components/TermsSummary.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';

export const OpenPoolsQuery = graphql(`
  query OpenPools($after: String) {
    poolsConnection(first: 100, after: $after) {
      edges {
        node {
          id
          name
          description
          currency
          status
          visibility
          memberCount
          maxInvestors
          manager {
            id
            name
          }
          targetAmount {
            amount
            currency
          }
          minContribution {
            amount
            currency
          }
          terms {
            ...PoolTermsFields
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
/** The pools the investor joined, so none of them is offered again (every page of them). */
export const JoinedPoolsQuery = graphql(`
  query JoinedPools($after: String) {
    me {
      id
      membershipsConnection(first: 500, after: $after) {
        edges {
          node {
            id
            pool {
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
  }
`);
const JoinPoolMutation = graphql(`
  mutation JoinPool($poolId: ID!, $commitment: Decimal!) {
    joinPool(poolId: $poolId, commitment: $commitment) {
      id
    }
  }
`);

type Pool = OpenPoolsData['poolsConnection']['edges'][number]['node'];

function JoinForm({ pool, onDone }: { pool: Pool; onDone: () => void }) {
  const [join, { loading, error }] = useMutation(JoinPoolMutation, {
    refetchQueries: ['OpenPools', 'JoinedPools', 'MyPositions'],
  });
  return (
    <CommitmentForm
      pool={pool}
      label="Join pool"
      loading={loading}
      error={error}
      commit={async (commitment) => {
        const result = await join({ variables: { poolId: pool.id, commitment } });
        if (!result.data) return;
        toast({ color: 'green', message: `You joined ${pool.name}.` });
        onDone();
      }}
    />
  );
}

/** Open pools the investor has not joined yet. */
export function OpenPools() {
  useDocumentTitle('Open pools');
  const { data, loading, error, refetch, fetchMore } = useQuery(OpenPoolsQuery);
  const [joining, setJoining] = useState<Pool | null>(null);
  const navigate = useNavigate();
  const mine = useQuery(JoinedPoolsQuery);
  useEveryPage(mine.data?.me?.membershipsConnection, mine.fetchMore);
  const joined = new Set(nodesOf(mine.data?.me?.membershipsConnection).map((m) => m.pool.id));
  // Private deals the investor was invited to are joined from Invitations, not from here.
  const pools = nodesOf(data?.poolsConnection).filter(
    (p) => p.status === 'OPEN' && p.visibility === 'LISTED' && !joined.has(p.id),
  );
  const view = useListView(pools, {
    searchText: (p) => `${p.name} ${p.manager.name} ${p.description ?? ''} ${p.currency}`,
    sorts: {
      name: { label: 'Name', compare: (a, b) => a.name.localeCompare(b.name) },
      members: { label: 'Most members', compare: (a, b) => b.memberCount - a.memberCount },
      minimum: {
        label: 'Lowest minimum',
        compare: (a, b) => {
          const min = (p: Pool) =>
            p.minContribution ? toMinor(p.minContribution.amount, p.currency) : 0n;
          const d = min(a) - min(b);
          return d > 0n ? 1 : d < 0n ? -1 : 0;
        },
      },
    },
    pageSize: 9,
  });
  return (
    <Stack>
      <Title order={2}>Open pools</Title>
      {loading && !data ? (
        <Loading label="Loading open pools…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : pools.length === 0 ? (
        <Empty title="No open pools to join">
          Pools you already joined are under My positions.
        </Empty>
      ) : (
        <>
          <ListControls what="pools" view={view as ListView<unknown>} />
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {view.page.map((pool) => (
              <Card withBorder key={pool.id} padding="lg" data-testid={`open-pool-${pool.id}`}>
                <Stack gap="xs" h="100%">
                  <Title order={3} size="h4">
                    {pool.name}
                  </Title>
                  <Text size="sm" c="dimmed">
                    Managed by {pool.manager.name} · {pool.memberCount}
                    {pool.maxInvestors ? ` of ${pool.maxInvestors}` : ''} members
                  </Text>
                  {pool.description && <Text size="sm">{pool.description}</Text>}
                  <TermsSummary terms={pool.terms} c="dimmed" />
                  <Group gap="lg">
                    <Text size="sm">
                      Target <MoneyText money={pool.targetAmount} fw={600} />
                    </Text>
                    <Text size="sm">
                      Minimum <MoneyText money={pool.minContribution} fw={600} />
                    </Text>
                  </Group>
                  <Group justify="flex-end" mt="auto">
                    <Button onClick={() => setJoining(pool)} aria-label={`Join ${pool.name}`}>
                      Join
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <ListPages what="pools" view={view as ListView<unknown>} />
          <LoadMore connection={data?.poolsConnection} fetchMore={fetchMore} what="pools" />
        </>
      )}
      <Modal
        opened={joining !== null}
        onClose={() => setJoining(null)}
        title={joining ? `Join ${joining.name}` : ''}
      >
        {joining && (
          <JoinForm
            pool={joining}
            onDone={() => {
              setJoining(null);
              void navigate('/investor/positions');
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
