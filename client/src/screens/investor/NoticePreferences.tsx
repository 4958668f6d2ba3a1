import { useMutation, useQuery } from '@apollo/client/react';
import { Card, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { graphql } from '../../__generated__/gql.ts';
import type { NoticeKind } from '../../__generated__/graphql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formErrors } from '../../lib/errors.ts';

export const NoticePreferencesQuery = graphql(`
  query NoticePreferences {
    noticePreferences {
      kind
      email
      isDefault
    }
    noticeEmailAddress
  }
`);

export const SetNoticePreferenceMutation = graphql(`
  mutation SetNoticePreference($kind: NoticeKind!, $email: Boolean!) {
    setNoticePreference(kind: $kind, email: $email) {
      kind
      email
      isDefault
    }
  }
`);

/**
 * The investor's choice of notices by email, one switch per kind (every notice is in the app
 * anyway). A switch changes at once; the server's answer is what it then shows.
 */
export function NoticePreferences({ labels }: { labels: Record<NoticeKind, string> }) {
  const { data, loading, error, refetch } = useQuery(NoticePreferencesQuery);
  const [setPreference, setting] = useMutation(SetNoticePreferenceMutation, {
    refetchQueries: ['NoticePreferences'],
  });
  const address = data?.noticeEmailAddress;
  return (
    <Card withBorder padding="md" data-testid="email-preferences">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Email me about
        </Title>
        <Text size="sm" c="dimmed">
          {address
            ? `Every notice is here; these also go to ${address}.`
            : 'Every notice is here; emails go to your login address once it is known.'}
        </Text>
        {setting.error && <FormAlert errors={formErrors(setting.error)} />}
        {loading && !data ? (
          <Loading label="Loading your email preferences…" />
        ) : error && !data ? (
          <ErrorState error={error} retry={() => void refetch()} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
            {(data?.noticePreferences ?? []).map((preference) => (
              <Switch
                key={preference.kind}
                label={labels[preference.kind]}
                checked={preference.email}
                disabled={setting.loading}
                onChange={(e) =>
                  void setPreference({
                    variables: { kind: preference.kind, email: e.currentTarget.checked },
                  }).catch(() => undefined)
                }
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
