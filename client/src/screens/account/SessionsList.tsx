import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { nodesOf } from '../../lib/connections.ts';
import { formatMoment } from '../../lib/dates.ts';
import { formErrors } from '../../lib/errors.ts';

const MySessionsQuery = graphql(`
  query MySessions($after: String) {
    mySessionsConnection(first: 50, after: $after) {
      edges {
        node {
          id
          startedAt
          lastActiveAt
          current
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

/** Where the account is signed in, newest first a page at a time; any other session can be ended. */
export function SessionsList() {
  const { data, loading: reading, error: unread, refetch, fetchMore } = useQuery(MySessionsQuery);
  const [revoke, { loading, error }] = useMutation(RevokeSessionMutation);
  async function end(id: string) {
    const result = await revoke({ variables: { id } }).catch(() => null);
    if (result?.data) void refetch();
  }
  const sessions = nodesOf(data?.mySessionsConnection);
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
        {reading && !data && <Loading label="Loading sessions…" />}
        {unread && !data && <ErrorState error={unread} retry={() => void refetch()} />}
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
        <LoadMore connection={data?.mySessionsConnection} fetchMore={fetchMore} what="sessions" />
      </Stack>
    </Paper>
  );
}
