import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formErrors } from '../../lib/errors.ts';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog.tsx';

export const NotificationChannelsQuery = graphql(`
  query NotificationChannels {
    notificationChannels {
      id
      kind
      url
      email
      enabled
      createdAt
    }
  }
`);
const AddWebhookMutation = graphql(`
  mutation AddWebhook($input: NotificationChannelInput!) {
    addNotificationChannel(input: $input) {
      channel {
        id
        kind
        url
      }
      secret
    }
  }
`);
const RemoveChannelMutation = graphql(`
  mutation RemoveNotificationChannel($id: ID!) {
    removeNotificationChannel(id: $id)
  }
`);

/** Where alerts go besides the app: webhooks signed with a secret shown once. */
export function WebhookSettings() {
  const { data, loading, error, refetch } = useQuery(NotificationChannelsQuery);
  const [url, setUrl] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [add, adding] = useMutation(AddWebhookMutation, {
    refetchQueries: ['NotificationChannels'],
  });
  const [remove] = useMutation(RemoveChannelMutation, { refetchQueries: ['NotificationChannels'] });
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const urlProblem = /^https?:\/\/\S+$/.test(url) ? undefined : 'Enter an http(s) URL.';
  const errors = formErrors(adding.error, ['url']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (urlProblem) return;
    const result = await add({ variables: { input: { kind: 'WEBHOOK', url } } }).catch(() => null);
    if (result?.data) {
      setSecret(result.data.addNotificationChannel.secret ?? null);
      setUrl('');
      setSubmitted(false);
    }
  }

  const channels = data?.notificationChannels ?? [];
  return (
    <Stack>
      <Title order={3}>Webhooks</Title>
      {secret && (
        <Alert
          color="yellow"
          title="Copy the signing secret now"
          withCloseButton
          onClose={() => setSecret(null)}
        >
          <Stack gap="xs">
            <Text size="sm">
              Verify the <Code>x-poolgraph-signature</Code> header with it. It is not shown again.
            </Text>
            <Group gap="xs">
              <Code>{secret}</Code>
              <CopyButton value={secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Group align="flex-start">
          <TextInput
            label="Webhook URL"
            placeholder="https://example.com/poolgraph-alerts"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={(submitted && urlProblem) || errors.fields.url || errors.form}
            style={{ flex: 1 }}
          />
          <Button type="submit" mt={25} loading={adding.loading}>
            Add webhook
          </Button>
        </Group>
      </form>
      {loading && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : channels.length === 0 ? (
        <Empty title="No webhooks">
          Alerts reach you in the app; add a webhook to reach your systems.
        </Empty>
      ) : (
        channels.map((c) => (
          <Card withBorder key={c.id} padding="sm">
            <Group justify="space-between">
              <Text size="sm" ff="monospace">
                {c.kind === 'WEBHOOK' ? c.url : c.email}
              </Text>
              <Button
                size="xs"
                color="red"
                variant="subtle"
                aria-label={`Remove ${c.kind === 'WEBHOOK' ? c.url : c.email}`}
                onClick={() =>
                  setConfirming({
                    title: 'Remove this webhook?',
                    body: `Alerts stop going to ${c.kind === 'WEBHOOK' ? c.url : c.email}; notifications still waiting for it are dropped. Adding it again gives it a new signing secret.`,
                    confirmLabel: 'Remove webhook',
                    danger: true,
                    action: () => remove({ variables: { id: c.id } }),
                  })
                }
              >
                Remove
              </Button>
            </Group>
          </Card>
        ))
      )}
      <ConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
