import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Checkbox, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formErrors } from '../../lib/errors.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formatMoment } from '../../lib/dates.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog.tsx';
import { RevokeKeyButton } from '../../components/RevokeKeyButton.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { nodesOf } from '../../lib/connections.ts';

export const ApiKeyFields = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    scopes
    prefix
    createdAt
    lastUsedAt
    revokedAt
    kind
    expiresAt
  }
`);
export const ApiKeysQuery = graphql(`
  query ApiKeys($after: String) {
    apiKeysConnection(first: 50, after: $after) {
      edges {
        node {
          ...ApiKeyFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [String!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      apiKey {
        ...ApiKeyFields
      }
      secret
    }
  }
`);
const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyFields
    }
  }
`);

/** The scopes a partner key may carry (users subgraph: ApiKey.scopes). */
export const SCOPES = [
  { value: 'pools:read', label: 'Read pools' },
  { value: 'ledger:read', label: 'Read transactions and balances' },
  { value: 'ledger:write', label: 'Post contributions' },
  { value: 'reports:read', label: 'Read reports' },
];

const when = (value: string | null | undefined) => (value ? formatMoment(value) : '—');

function CreateKeyForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [create, { loading, error }] = useMutation(CreateApiKeyMutation, {
    refetchQueries: ['ApiKeys'],
  });
  const problems = {
    name:
      name.trim().length === 0
        ? 'Name the key after who uses it.'
        : name.trim().length > 100
          ? 'Use at most 100 characters.'
          : undefined,
    scopes: scopes.length === 0 ? 'Choose at least one scope.' : undefined,
  };
  const errors = formErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.name || problems.scopes) return;
    const result = await create({ variables: { name: name.trim(), scopes } }).catch(() => null);
    if (result?.data) {
      onCreated(result.data.createApiKey.secret);
      setName('');
      setScopes([]);
      setSubmitted(false);
    }
  }

  return (
    <Card withBorder padding="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={3}>New partner key</Title>
          <FormAlert errors={errors} />
          <TextInput
            label="Name"
            description="Who or what uses it, e.g. the partner's name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={(submitted && problems.name) || errors.fields.name}
            required
          />
          <Checkbox.Group
            label="Scopes"
            value={scopes}
            onChange={setScopes}
            error={(submitted && problems.scopes) || errors.fields.scopes}
            required
          >
            <Stack gap={6} mt={6}>
              {SCOPES.map((scope) => (
                <Checkbox
                  key={scope.value}
                  value={scope.value}
                  label={
                    <>
                      <Code>{scope.value}</Code> {scope.label}
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Partner API keys, newest first a page at a time: create with scopes, copy the secret once, revoke. */
export function ApiKeys() {
  useDocumentTitle('API keys');
  const { data, loading, error, refetch, fetchMore } = useQuery(ApiKeysQuery);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoke] = useMutation(RevokeApiKeyMutation);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const keys = nodesOf(data?.apiKeysConnection);
  return (
    <Stack>
      <Title order={2}>API keys</Title>
      {secret && <SecretOnce secret={secret} onClose={() => setSecret(null)} />}
      <CreateKeyForm onCreated={setSecret} />
      {loading && !data ? (
        <Loading label="Loading API keys…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : keys.length === 0 ? (
        <Empty title="No API keys yet">Partners call the API with a key made here.</Empty>
      ) : (
        <DataTable
          label="API keys"
          rows={keys}
          rowKey={(key) => key.id}
          columns={[
            { label: 'Name', primary: true, cell: (key) => key.name },
            { label: 'Key', cell: (key) => <Code>{key.prefix}…</Code> },
            // A manager's key reads only that manager's pools (issued under Partner keys).
            { label: 'Kind', cell: (key) => (key.kind === 'DELEGATED' ? 'Manager' : 'Platform') },
            {
              label: 'Scopes',
              cell: (key) => (
                <Group gap={4} justify="flex-end" component="span">
                  {key.scopes.map((s) => (
                    // Scopes are codes: shown as typed, never cut (a badge would upper-case and clip them).
                    <Code key={s}>{s}</Code>
                  ))}
                </Group>
              ),
            },
            { label: 'Created', cell: (key) => when(key.createdAt) },
            { label: 'Last used', cell: (key) => when(key.lastUsedAt) },
            {
              label: 'Status',
              align: 'right',
              cell: (key) =>
                key.revokedAt ? (
                  <Text size="sm">Revoked {when(key.revokedAt)}</Text>
                ) : (
                  <RevokeKeyButton
                    name={key.name}
                    consequence="Its partner loses access within seconds, and so do the access tokens it was exchanged for."
                    confirm={setConfirming}
                    revoke={() => revoke({ variables: { id: key.id } })}
                  />
                ),
            },
          ]}
        />
      )}
      <LoadMore connection={data?.apiKeysConnection} fetchMore={fetchMore} what="keys" />
      <ConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
