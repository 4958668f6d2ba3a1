import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import type {
  MyPerformanceQuery as MyPerformance,
  PositionCardFieldsFragment,
} from '../../__generated__/graphql.ts';
import { PerformanceFigures } from '../../components/PerformanceFigures.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { sumMoney } from '../../lib/money.ts';
import { STATUS_COLOR } from '../../components/PoolCard.tsx';
import { TermsSummary } from '../../components/TermsSummary.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { ContributeFlow } from '../../payments/ContributeFlow.tsx';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';

export const PositionCardFields = graphql(`
  fragment PositionCardFields on Membership {
    id
    commitment {
      amount
      currency
    }
    called {
      amount
      currency
    }
    outstanding {
      amount
      currency
    }
    pool {
      id
      name
      currency
      status
      terms {
        ...PoolTermsFields
      }
    }
    position {
      contributed {
        amount
        currency
      }
      distributed {
        amount
        currency
      }
      proceeds {
        amount
        currency
      }
      fees {
        amount
        currency
      }
      capital {
        amount
        currency
      }
      pending {
        amount
        currency
      }
      unfundedCommitment {
        amount
        currency
      }
    }
  }
`);
export const MyPositionsQuery = graphql(`
  query MyPositions($after: String) {
    me {
      id
      membershipsConnection(first: 100, after: $after) {
        edges {
          node {
            ...PositionCardFields
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
/** The investor's own performance per pool (reports): NAV share, multiples, IRR. */
export const MyPerformanceQuery = graphql(`
  query MyPerformance($investorId: ID!, $after: String) {
    investorPerformanceConnection(investorId: $investorId, first: 100, after: $after) {
      edges {
        node {
          pool {
            id
          }
          navShare {
            amount
            currency
          }
          dpi
          rvpi
          tvpi
          moic
          irr
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
type PoolPerformanceLine = MyPerformance['investorPerformanceConnection']['edges'][number]['node'];

/** Any posted transaction of the pool: the investor's position may have moved. */
export const PositionEventsSubscription = graphql(`
  subscription PositionEvents($poolId: ID!) {
    balanceChanged(poolId: $poolId) {
      transaction {
        id
      }
    }
  }
`);
function PositionCard({
  membership,
  performance,
  onContribute,
  onEvent,
}: {
  membership: PositionCardFieldsFragment;
  performance: PoolPerformanceLine | undefined;
  onContribute: () => void;
  onEvent: () => void;
}) {
  const { pool, position } = membership;
  useSubscription(PositionEventsSubscription, {
    variables: { poolId: pool.id },
    skip: pool.status === 'DRAFT',
    onData: onEvent,
  });
  const figures = [
    ['Commitment', membership.commitment],
    // What is left to pay in: the same figure that caps contributions.
    ['Unfunded', position.unfundedCommitment],
    ['Contributed', position.contributed],
    // Their share of what the pool got back from its holdings (in Capital until distributed).
    ['Proceeds', position.proceeds],
    ['Distributed', position.distributed],
    ['Fees', position.fees],
    ['Capital', position.capital],
    ['Outstanding call', membership.outstanding],
    // Started card or bank payments, not yet arrived: not in Contributed until they post.
    ['Pending', position.pending],
  ] as const;
  return (
    <Card withBorder padding="lg" data-testid={`position-${pool.id}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {pool.name}
        </Title>
        <Badge color={STATUS_COLOR[pool.status]} variant="dot">
          {pool.status.toLowerCase()}
        </Badge>
      </Group>
      <TermsSummary terms={pool.terms} c="dimmed" mb="sm" />
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {figures.map(([label, money]) => (
          <Stack gap={0} key={label}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <MoneyText money={money} fw={600} data-testid={`position-${label.toLowerCase()}`} />
          </Stack>
        ))}
      </SimpleGrid>
      {performance?.navShare && (
        <Stack gap={4} mt="md" data-testid="position-performance">
          <Text size="xs" c="dimmed">
            Your share of the pool's value, by your net contributed capital
          </Text>
          <PerformanceFigures
            figures={{ ...performance, nav: performance.navShare }}
            navLabel="NAV share"
            narrow
          />
        </Stack>
      )}
      {pool.status === 'OPEN' && (
        <Group justify="flex-end" mt="md">
          <Button onClick={onContribute} aria-label={`Contribute to ${pool.name}`}>
            Contribute
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** Commitment and unfunded commitment over every pool, one line per currency (never mixed). */
function CommitmentTotals({ memberships }: { memberships: PositionCardFieldsFragment[] }) {
  const currencies = [...new Set(memberships.map((m) => m.commitment.currency))].sort();
  return (
    <Card withBorder padding="md" data-testid="commitment-totals">
      <Title order={3} size="h5" mb="xs">
        All pools
      </Title>
      {currencies.map((currency) => {
        const mine = memberships.filter((m) => m.commitment.currency === currency);
        const total = (pick: (m: PositionCardFieldsFragment) => string) => ({
          amount: sumMoney(mine.map(pick), currency),
          currency,
        });
        return (
          <SimpleGrid cols={2} key={currency}>
            <Stack gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Committed ({currency})
              </Text>
              <MoneyText
                money={total((m) => m.commitment.amount)}
                fw={600}
                data-testid={`total-commitment-${currency}`}
              />
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Unfunded ({currency})
              </Text>
              <MoneyText
                money={total((m) => m.position.unfundedCommitment.amount)}
                fw={600}
                data-testid={`total-unfunded-${currency}`}
              />
            </Stack>
          </SimpleGrid>
        );
      })}
    </Card>
  );
}

/** The investor's positions, live: any transaction in one of their pools refreshes them. */
export function Positions() {
  useDocumentTitle('My positions');
  const { data, loading, error, refetch, fetchMore } = useQuery(MyPositionsQuery);
  const [contributing, setContributing] = useState<PositionCardFieldsFragment | null>(null);
  // Totals are over every position: the pages after the first load on their own.
  useEveryPage(data?.me?.membershipsConnection, fetchMore);
  const memberships = nodesOf(data?.me?.membershipsConnection);
  const investorId = data?.me?.id;
  // Reports are another part of the graph: positions show without them if they fail.
  const performance = useQuery(MyPerformanceQuery, {
    variables: { investorId: investorId ?? '' },
    skip: !investorId,
  });
  useEveryPage(performance.data?.investorPerformanceConnection, performance.fetchMore);
  const byPool = new Map(
    nodesOf(performance.data?.investorPerformanceConnection).map((line) => [line.pool.id, line]),
  );
  return (
    <Stack>
      <Title order={2}>My positions</Title>
      {loading && !data ? (
        <Loading label="Loading your positions…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : memberships.length === 0 ? (
        <Empty title="No positions yet">Join an open pool to start investing.</Empty>
      ) : (
        <>
          <CommitmentTotals memberships={memberships} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {memberships.map((m) => (
              <PositionCard
                key={m.id}
                membership={m}
                performance={byPool.get(m.pool.id)}
                onContribute={() => setContributing(m)}
                onEvent={() => {
                  void refetch();
                  void performance.refetch();
                }}
              />
            ))}
          </SimpleGrid>
        </>
      )}
      <Modal
        opened={contributing !== null}
        onClose={() => setContributing(null)}
        title={contributing ? `Contribute to ${contributing.pool.name}` : ''}
      >
        {contributing && (
          <ContributeFlow membership={contributing} onDone={() => setContributing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
