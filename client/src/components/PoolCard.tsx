import { useSubscription } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../__generated__/gql.ts';
import type { PoolCardFieldsFragment } from '../__generated__/graphql.ts';
import { toMinor } from '../lib/money.ts';
import { MoneyText } from './MoneyText.tsx';

export const PoolCardFields = graphql(`
  fragment PoolCardFields on Pool {
    id
    name
    currency
    status
    memberCount
    openAlertCount
    cashBalance {
      amount
      currency
    }
    pendingContributions {
      amount
      currency
    }
    totalContributed {
      amount
      currency
    }
    totalDistributed {
      amount
      currency
    }
    totalProceeds {
      amount
      currency
    }
    targetAmount {
      amount
      currency
    }
  }
`);

/**
 * Every posted transaction of one pool with the pool's new figures: selecting them here lets
 * the normalized cache update every screen that shows the pool, with no refetch.
 */
export const PoolBalanceSubscription = graphql(`
  subscription PoolBalance($poolId: ID!) {
    balanceChanged(poolId: $poolId) {
      cashBalance {
        amount
        currency
      }
      transaction {
        id
      }
      pool {
        ...PoolCardFields
      }
    }
  }
`);

export const STATUS_COLOR = { DRAFT: 'gray', OPEN: 'green', CLOSED: 'orange', ARCHIVED: 'dark' };

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} size="lg" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** One pool on the manager's dashboard, live: its figures follow every posted transaction. */
export function PoolCard({ pool }: { pool: PoolCardFieldsFragment }) {
  useSubscription(PoolBalanceSubscription, {
    variables: { poolId: pool.id },
    skip: pool.status === 'DRAFT',
  });
  return (
    <Card withBorder radius="md" padding="lg" data-testid={`pool-card-${pool.id}`}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Anchor component={Link} to={`/manager/pools/${pool.id}`} fw={700} size="lg">
          {pool.name}
        </Anchor>
        {/* The name wraps; the status keeps its width (a long name squeezed it to "O…"). */}
        <Badge color={STATUS_COLOR[pool.status]} variant="dot" style={{ flexShrink: 0 }}>
          {pool.status.toLowerCase()}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
        <Figure label="Cash">
          <span data-testid="pool-cash">
            <MoneyText money={pool.cashBalance} />
          </span>
          {/* Card and bank payments started but not arrived: not in the cash until they post. */}
          {toMinor(pool.pendingContributions.amount, pool.currency) > 0n && (
            <Text size="xs" c="dimmed" data-testid="pool-pending">
              + <MoneyText money={pool.pendingContributions} /> pending
            </Text>
          )}
        </Figure>
        <Figure label="Contributed">
          <MoneyText money={pool.totalContributed} />
        </Figure>
        <Figure label="Proceeds">
          <span data-testid="pool-proceeds">
            <MoneyText money={pool.totalProceeds} />
          </span>
        </Figure>
        <Figure label="Distributed">
          <MoneyText money={pool.totalDistributed} />
        </Figure>
        <Figure label="Members">{pool.memberCount}</Figure>
        <Figure label="Open alerts">
          <Text
            span
            inherit
            c={pool.openAlertCount > 0 ? 'red.8' : undefined}
            data-testid="pool-open-alerts"
          >
            {pool.openAlertCount}
          </Text>
        </Figure>
        <Figure label="Target">
          <MoneyText money={pool.targetAmount} />
        </Figure>
      </SimpleGrid>
    </Card>
  );
}
