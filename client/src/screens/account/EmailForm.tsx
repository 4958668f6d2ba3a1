import { useMutation } from '@apollo/client/react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { formErrors } from '../../lib/errors.ts';

const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {
      email
      expiresAt
    }
  }
`);

/** A new login address takes effect when the link sent to it is followed. */
export function EmailForm({ current }: { current: string }) {
  const [form, setForm] = useState({ newEmail: '', currentPassword: '' });
  const [submitted, setSubmitted] = useState(false);
  const [request, { data, loading, error }] = useMutation(RequestEmailChangeMutation);
  const errors = formErrors(error, ['newEmail', 'currentPassword']);
  const problems = {
    newEmail: /^\S+@\S+\.\S+$/.test(form.newEmail) ? undefined : 'Enter a valid email address.',
    currentPassword: form.currentPassword ? undefined : 'Enter your current password.',
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.newEmail || problems.currentPassword) return;
    await request({ variables: form }).catch(() => undefined);
  }

  const show = (key: keyof typeof problems) => (submitted && problems[key]) || errors.fields[key];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="email-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={3} size="h4" id="email-title">
            Email
          </Title>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            You log in with <strong>{current}</strong>.
          </Text>
          {data && (
            <Alert color="blue" title="Check the new inbox" role="status">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                We sent a link to {data.requestEmailChange.email}. It changes your login address
                once opened, until {formatMoment(data.requestEmailChange.expiresAt)}.
              </Text>
            </Alert>
          )}
          <FormAlert errors={errors} />
          <TextInput
            label="New email"
            type="email"
            autoComplete="email"
            value={form.newEmail}
            onChange={(e) => setForm({ ...form, newEmail: e.currentTarget.value })}
            error={show('newEmail')}
            required
          />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
            error={show('currentPassword')}
            required
          />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Send a confirmation link
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
