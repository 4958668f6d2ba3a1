import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { TermsForm } from '../../components/TermsForm.tsx';
import { carryText, feeText, TermsSummary } from '../../components/TermsSummary.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { nodesOf } from '../../lib/connections.ts';

const PoolTermsPanelQuery = graphql(`
  query PoolTermsPanel($id: ID!, $after: String) {
    pool(id: $id) {
      id
      status
      terms {
        ...PoolTermsFields
      }
      termsHistoryConnection(first: 50, after: $after) {
        edges {
          node {
            ...PoolTermsFields
            poolStatus
            setAt
            setBy {
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

/**
 * The manager's view of a pool's fund terms: those in force, every version with who set it and
 * when (newest first, a page at a time), and the form that sets them (a new version each time; an archived pool's are final).
 */
export function TermsPanel({ poolId }: { poolId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(PoolTermsPanelQuery, {
    variables: { id: poolId },
  });
  const [editing, setEditing] = useState(false);
  if (loading && !data) return <Loading label="Loading the terms…" />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const pool = data?.pool;
  if (!pool) return null;
  const versions = nodesOf(pool.termsHistoryConnection);
  return (
    <Stack>
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {pool.terms ? `Terms in force (version ${pool.terms.version})` : 'Fund terms'}
            </Text>
            <TermsSummary terms={pool.terms} />
          </Stack>
          {pool.status !== 'ARCHIVED' && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {pool.terms ? 'Change terms' : 'Set terms'}
            </Button>
          )}
        </Group>
      </Card>
      {versions.length > 0 && (
        <DataTable
          label="Versions of the terms"
          rows={versions}
          rowKey={(v) => String(v.version)}
          columns={[
            { label: 'Version', cell: (v) => v.version, primary: true },
            {
              label: 'Terms',
              cell: (v) => (
                <>
                  <Text size="sm">{feeText(v)}</Text>
                  <Text size="sm">{carryText(v)}</Text>
                </>
              ),
            },
            { label: 'Set by', cell: (v) => v.setBy.name },
            {
              label: 'When',
              cell: (v) => `${formatMoment(v.setAt)}, while ${v.poolStatus.toLowerCase()}`,
            },
          ]}
        />
      )}
      <LoadMore connection={pool.termsHistoryConnection} fetchMore={fetchMore} what="versions" />
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={pool.terms ? 'Change fund terms' : 'Set fund terms'}
        size="lg"
      >
        <TermsForm poolId={pool.id} current={pool.terms ?? null} onDone={() => setEditing(false)} />
      </Modal>
    </Stack>
  );
}
