import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import type { AlertStatus } from '../../__generated__/graphql.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import {
  ListControls,
  ListPages,
  useListView,
  type ListView,
} from '../../components/ListControls.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formatMoment } from '../../lib/dates.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { nodesOf } from '../../lib/connections.ts';

export const AlertsInboxQuery = graphql(`
  query AlertsInbox($status: AlertStatus, $after: String) {
    alertsConnection(status: $status, first: 100, after: $after) {
      edges {
        node {
          id
          kind
          message
          status
          raisedAt
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
`);

const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      status
      pool {
        id
        openAlertCount
      }
    }
  }
`);

/** Alerts on the manager's pools, newest first; live (the toast listener refetches it). */
export function AlertsInbox() {
  useDocumentTitle('Alerts');
  const [status, setStatus] = useState<AlertStatus | 'ALL'>('OPEN');
  const { data, loading, error, refetch, fetchMore } = useQuery(AlertsInboxQuery, {
    variables: { status: status === 'ALL' ? null : status },
  });
  const [acknowledge, acking] = useMutation(AcknowledgeAlertMutation);
  const alerts = nodesOf(data?.alertsConnection);
  const view = useListView(alerts, {
    searchText: (a) => `${a.pool.name} ${a.message}`,
    sorts: {
      newest: { label: 'Newest first', compare: (a, b) => b.raisedAt.localeCompare(a.raisedAt) },
      oldest: { label: 'Oldest first', compare: (a, b) => a.raisedAt.localeCompare(b.raisedAt) },
      pool: { label: 'Pool', compare: (a, b) => a.pool.name.localeCompare(b.pool.name) },
    },
    filters: {
      LARGE_TRANSACTION: {
        label: 'Large transactions',
        keep: (a) => a.kind === 'LARGE_TRANSACTION',
      },
      TRANSACTION_SPIKE: { label: 'Spikes', keep: (a) => a.kind === 'TRANSACTION_SPIKE' },
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Alerts</Title>
        <SegmentedControl
          aria-label="Show alerts"
          value={status}
          onChange={(v) => setStatus(v as AlertStatus | 'ALL')}
          data={[
            { value: 'OPEN', label: 'Open' },
            { value: 'ACKNOWLEDGED', label: 'Acknowledged' },
            { value: 'ALL', label: 'All' },
          ]}
        />
      </Group>
      {loading && !data ? (
        <Loading label="Loading alerts…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : alerts.length === 0 ? (
        <Empty title="No alerts here">
          Large transactions and spikes on your pools show up live.
        </Empty>
      ) : (
        <Stack gap="xs" aria-live="polite">
          <ListControls what="alerts" view={view as ListView<unknown>} />
          {view.page.map((alert) => (
            <Card withBorder key={alert.id} padding="sm" data-testid="alert-row">
              <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge
                      variant="dot"
                      color={alert.kind === 'LARGE_TRANSACTION' ? 'red' : 'orange'}
                    >
                      {alert.kind === 'LARGE_TRANSACTION' ? 'Large transaction' : 'Spike'}
                    </Badge>
                    <Text fw={600}>{alert.pool.name}</Text>
                  </Group>
                  <Text size="sm">{alert.message}</Text>
                  <Text size="xs" c="dimmed">
                    {formatMoment(alert.raisedAt)} · {alert.status.toLowerCase()}
                  </Text>
                </Stack>
                {alert.status === 'OPEN' && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={acking.loading && acking.data === undefined}
                    onClick={() =>
                      void acknowledge({ variables: { id: alert.id } })
                        .then(() => refetch())
                        .catch(() => undefined)
                    }
                  >
                    Acknowledge
                  </Button>
                )}
              </Group>
            </Card>
          ))}
          <ListPages what="alerts" view={view as ListView<unknown>} />
          <LoadMore connection={data?.alertsConnection} fetchMore={fetchMore} what="alerts" />
        </Stack>
      )}
    </Stack>
  );
}
