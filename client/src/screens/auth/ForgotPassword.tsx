import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formErrors } from '../../lib/errors.ts';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** Asks for a reset link. The answer is the same whether the address has an account or not. */
export function ForgotPassword() {
  useDocumentTitle('Forgot your password');
  const [email, setEmail] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [request, { data, loading, error }] = useMutation(RequestPasswordResetMutation);
  const invalid = !/^\S+@\S+\.\S+$/.test(email);
  const errors = formErrors(error, ['email']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!invalid) await request({ variables: { email } }).catch(() => undefined);
  }

  if (data) {
    return (
      <AuthCard title="Check your inbox">
        <Text style={{ overflowWrap: 'anywhere' }}>
          If <strong>{email}</strong> has a Poolgraph account, we sent it a link to choose a new
          password. The link works once, for 30 minutes.
        </Text>
        <Anchor component={Link} to="/login">
          Back to log in
        </Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert errors={errors} />
        <Text size="sm" mb="sm">
          Enter the email you log in with; we will send a link to choose a new password.
        </Text>
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={(submitted && invalid && 'Enter a valid email address.') || errors.fields.email}
          required
          mb="md"
        />
        <Button type="submit" loading={loading} fullWidth>
          Send the link
        </Button>
      </form>
      <Anchor component={Link} to="/login" size="sm">
        Back to log in
      </Anchor>
    </AuthCard>
  );
}
