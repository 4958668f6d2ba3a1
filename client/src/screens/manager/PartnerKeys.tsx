import { useMutation, useQuery } from '@apollo/client/react';
import { Code, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { RevokeKeyButton } from '../../components/RevokeKeyButton.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { PartnerKeyForm } from './PartnerKeyForm.tsx';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';
import { LoadMore } from '../../components/LoadMore.tsx';

export const PartnerKeyFields = graphql(`
  fragment PartnerKeyFields on ApiKey {
    id
    name
    scopes
    prefix
    poolIds
    note
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);
const PartnerKeysQuery = graphql(`
  query PartnerKeys($after: String) {
    apiKeysConnection(first: 50, after: $after) {
      edges {
        node {
          ...PartnerKeyFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
/** The pools a key may be limited to, and their names in the list: every page of them. */
const PartnerKeyPoolsQuery = graphql(`
  query PartnerKeyPools($after: String) {
    me {
      id
      managedPoolsConnection(first: 100, after: $after) {
        edges {
          node {
            id
            name
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
const RevokePartnerKeyMutation = graphql(`
  mutation RevokePartnerKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...PartnerKeyFields
    }
  }
`);

const when = (value: string | null | undefined) => (value ? formatMoment(value) : '—');

/**
 * Keys a manager gives the fund administrator or CRM they work with: they read this manager's
 * pools (all, or the chosen ones) and nothing else. The secret is shown once; each key shows
 * when it was last used (to within a minute) and can be revoked.
 */
export function PartnerKeys() {
  useDocumentTitle('Partner keys');
  const { data, loading, error, refetch, fetchMore } = useQuery(PartnerKeysQuery);
  const managed = useQuery(PartnerKeyPoolsQuery);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoke] = useMutation(RevokePartnerKeyMutation);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const keys = nodesOf(data?.apiKeysConnection);
  useEveryPage(managed.data?.me?.managedPoolsConnection, managed.fetchMore);
  const pools = nodesOf(managed.data?.me?.managedPoolsConnection);
  const poolName = new Map(pools.map((pool) => [pool.id, pool.name]));
  const now = Date.now();
  const status = (key: (typeof keys)[number]) =>
    key.revokedAt
      ? `Revoked ${when(key.revokedAt)}`
      : key.expiresAt && Date.parse(key.expiresAt) <= now
        ? `Expired ${when(key.expiresAt)}`
        : null;

  return (
    <Stack>
      <Title order={2}>Partner keys</Title>
      <Text size="sm" c="dimmed">
        A partner key lets a service you work with read your pools through the API. It sees only the
        pools you choose, with only the scopes you give it.
      </Text>
      {secret && <SecretOnce secret={secret} onClose={() => setSecret(null)} />}
      <PartnerKeyForm pools={pools} onCreated={setSecret} />
      {loading && !data ? (
        <Loading label="Loading partner keys…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : keys.length === 0 ? (
        <Empty title="No partner keys yet">Keys you create appear here.</Empty>
      ) : (
        <DataTable
          label="Partner keys"
          rows={keys}
          rowKey={(key) => key.id}
          columns={[
            {
              label: 'Name',
              primary: true,
              cell: (key) => (
                <Stack gap={0} component="span">
                  <span>{key.name}</span>
                  {key.note && (
                    <Text size="xs" c="dimmed" component="span" style={{ whiteSpace: 'pre-line' }}>
                      {key.note}
                    </Text>
                  )}
                </Stack>
              ),
            },
            { label: 'Key', cell: (key) => <Code>{key.prefix}…</Code> },
            {
              label: 'Pools',
              cell: (key) =>
                key.poolIds
                  ? key.poolIds.map((id) => poolName.get(id) ?? id).join(', ')
                  : 'All my pools',
            },
            {
              label: 'Scopes',
              cell: (key) => (
                <Group gap={4} justify="flex-end" component="span">
                  {key.scopes.map((s) => (
                    <Code key={s}>{s}</Code>
                  ))}
                </Group>
              ),
            },
            { label: 'Expires', cell: (key) => when(key.expiresAt) },
            { label: 'Last used', cell: (key) => when(key.lastUsedAt) },
            {
              label: 'Status',
              align: 'right',
              cell: (key) => {
                const ended = status(key);
                if (ended) return <Text size="sm">{ended}</Text>;
                return (
                  <RevokeKeyButton
                    name={key.name}
                    consequence="The partner loses access within seconds."
                    confirm={setConfirming}
                    revoke={() => revoke({ variables: { id: key.id } })}
                  />
                );
              },
            },
          ]}
        />
      )}
      <LoadMore connection={data?.apiKeysConnection} fetchMore={fetchMore} what="keys" />
      <ConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
