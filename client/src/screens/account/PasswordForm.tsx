import { useMutation } from '@apollo/client/react';
import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';
import { toast } from '../../lib/toast.ts';
import { sessionOf, useSessionStore } from '../../session.tsx';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

const MIN_PASSWORD = 12;

/** A new password ends every session; this browser carries on with the fresh one it answers. */
export function PasswordForm() {
  const store = useSessionStore();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [submitted, setSubmitted] = useState(false);
  const [change, { loading, error }] = useMutation(ChangePasswordMutation);
  const errors = formErrors(error, ['currentPassword', 'newPassword']);
  const problems = {
    currentPassword: form.currentPassword ? undefined : 'Enter your current password.',
    newPassword:
      form.newPassword.length >= MIN_PASSWORD
        ? undefined
        : `Use at least ${MIN_PASSWORD} characters.`,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.currentPassword || problems.newPassword) return;
    const result = await change({ variables: form }).catch(() => null);
    if (!result?.data) return;
    store.set(sessionOf(result.data.changePassword));
    setForm({ currentPassword: '', newPassword: '' });
    setSubmitted(false);
    toast({ message: 'Password changed. Every other session has ended.', color: 'green' });
  }

  const show = (key: keyof typeof problems) => (submitted && problems[key]) || errors.fields[key];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={3} size="h4" id="password-title">
            Password
          </Title>
          <Text size="sm" c="dimmed">
            Changing it logs you out everywhere else.
          </Text>
          <FormAlert errors={errors} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
            error={show('currentPassword')}
            required
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD} characters`}
            autoComplete="new-password"
            value={form.newPassword}
            onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })}
            error={show('newPassword')}
            required
          />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
