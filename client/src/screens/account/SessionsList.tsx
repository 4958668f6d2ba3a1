import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { formErrors } from '../../lib/errors.ts';

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

interface SessionRow {
  id: string;
  startedAt: string;
  lastActiveAt: string;
  current: boolean;
}

/** Where the account is signed in; any other session can be ended from here. */
export function SessionsList({
  sessions,
  onChange,
}: {
  sessions: readonly SessionRow[];
  onChange: () => void;
}) {
  const [revoke, { loading, error }] = useMutation(RevokeSessionMutation);
  async function end(id: string) {
    const result = await revoke({ variables: { id } }).catch(() => null);
    if (result?.data) onChange();
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
      <Stack>
        <Title order={3} size="h4" id="sessions-title">
          Sessions
        </Title>
        <Text size="sm" c="dimmed">
          Each login stays signed in until it logs out or is ended here.
        </Text>
        <FormAlert errors={formErrors(error)} />
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {sessions.map((s) => (
            <Group key={s.id} component="li" justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text size="sm">
                  Logged in {formatMoment(s.startedAt)}{' '}
                  {s.current && (
                    <Text span size="sm" fw={700}>
                      · this device
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  Last active {formatMoment(s.lastActiveAt)}
                </Text>
              </Stack>
              {!s.current && (
                <Button
                  size="xs"
                  variant="default"
                  loading={loading}
                  onClick={() => void end(s.id)}
                  aria-label={`End the session from ${formatMoment(s.startedAt)}`}
                >
                  End
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
