import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { PerformanceFigures } from '../../components/PerformanceFigures.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatCalendarDay, formatMoment, formatRatio } from '../../lib/dates.ts';
import { nodesOf } from '../../lib/connections.ts';
import { formatRate } from '../../lib/rates.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ValuationForm } from './ValuationForm.tsx';

const PoolPerformancePanelQuery = graphql(`
  query PoolPerformancePanel($poolId: ID!, $after: String) {
    poolPerformance(poolId: $poolId) {
      ...PerformanceFiguresFields
      valuationsConnection(first: 100) {
        edges {
          node {
            id
            date
            value {
              amount
              currency
            }
            note
            recordedAt
            recordedBy {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
      investorsConnection(first: 100, after: $after) {
        edges {
          node {
            investor {
              id
              name
            }
            contributed {
              amount
              currency
            }
            distributed {
              amount
              currency
            }
            navShare {
              amount
              currency
            }
            tvpi
            irr
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

/**
 * The manager's performance tab: NAV, multiples and IRR, each member's share, and the
 * valuations with who recorded them; "Record valuation" adds one.
 */
export function PerformancePanel({
  poolId,
  currency,
  canRecord,
}: {
  poolId: string;
  currency: string;
  canRecord: boolean;
}) {
  const { data, loading, error, refetch, fetchMore } = useQuery(PoolPerformancePanelQuery, {
    variables: { poolId },
  });
  const [recording, setRecording] = useState(false);
  const record = canRecord && (
    <Button variant="default" onClick={() => setRecording(true)}>
      Record valuation
    </Button>
  );
  let body;
  if (loading && !data) body = <Loading label="Loading performance…" />;
  else if (error && !data) {
    const unknown = error.message.includes('was not found');
    body = unknown ? (
      <Empty title="No performance yet">
        Reports hear of the pool within moments of its creation; reload shortly.
      </Empty>
    ) : (
      <ErrorState error={error} retry={() => void refetch()} />
    );
  } else if (data) {
    const p = data.poolPerformance;
    // The newest 100 valuations (the figures above use all of them, server-side).
    const valuations = nodesOf(p.valuationsConnection);
    // Members' shares a page at a time (the cache appends pages: PoolPerformance merges).
    const shares = nodesOf(p.investorsConnection);
    body = (
      <Stack>
        <Card withBorder padding="md">
          <Group justify="space-between" align="flex-start" mb="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {p.nav ? 'Pool performance' : 'Pool performance: record a valuation to see NAV'}
            </Text>
            {record}
          </Group>
          <PerformanceFigures figures={p} />
        </Card>
        {shares.length > 0 && (
          <DataTable
            label="Each member's share"
            rows={shares}
            rowKey={(i) => i.investor.id}
            columns={[
              { label: 'Member', cell: (i) => i.investor.name, primary: true },
              { label: 'Contributed', cell: (i) => <MoneyText money={i.contributed} /> },
              { label: 'Distributed', cell: (i) => <MoneyText money={i.distributed} /> },
              { label: 'NAV share', cell: (i) => <MoneyText money={i.navShare ?? null} /> },
              { label: 'TVPI', cell: (i) => formatRatio(i.tvpi) },
              { label: 'IRR', cell: (i) => formatRate(i.irr) },
            ]}
          />
        )}
        <LoadMore connection={p.investorsConnection} fetchMore={fetchMore} what="members" />
        {valuations.length === 0 ? (
          <Empty title="No valuations yet">
            A valuation states what the pool's holdings and cash were worth on a day.
          </Empty>
        ) : (
          <DataTable
            label="Valuations"
            rows={valuations}
            rowKey={(v) => v.id}
            columns={[
              { label: 'Day', cell: (v) => formatCalendarDay(v.date), primary: true },
              { label: 'Value', cell: (v) => <MoneyText money={v.value} fw={600} /> },
              { label: 'Note', cell: (v) => v.note ?? '—' },
              {
                label: 'Recorded',
                cell: (v) => `${v.recordedBy.name}, ${formatMoment(v.recordedAt)}`,
              },
            ]}
          />
        )}
      </Stack>
    );
  }
  return (
    <>
      {body}
      <Modal opened={recording} onClose={() => setRecording(false)} title="Record a valuation">
        <ValuationForm poolId={poolId} currency={currency} onDone={() => setRecording(false)} />
      </Modal>
    </>
  );
}
