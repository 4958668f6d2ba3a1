import { useMutation } from '@apollo/client/react';
import { Anchor, Button, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formErrors } from '../../lib/errors.ts';
import { useLinkToken } from '../../lib/linkToken.ts';
import { homeOf, primaryRole, sessionOf, useSessionStore } from '../../session.tsx';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

const MIN_PASSWORD = 12;

/** Where a reset link lands: a new password ends every session and signs in here. */
export function ResetPassword() {
  useDocumentTitle('Choose a new password');
  const token = useLinkToken();
  const store = useSessionStore();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [reset, { loading, error }] = useMutation(ResetPasswordMutation);
  const tooShort = password.length < MIN_PASSWORD;
  const errors = formErrors(error, ['newPassword']);
  const linkProblem = errors.fields.token ?? errors.form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort) return;
    const result = await reset({ variables: { token, newPassword: password } }).catch(() => null);
    if (!result?.data) return;
    const session = sessionOf(result.data.resetPassword);
    store.set(session);
    await navigate(homeOf(primaryRole(session)), { replace: true });
  }

  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert errors={{ ...errors, form: linkProblem }} />
        <PasswordInput
          label="New password"
          description={`At least ${MIN_PASSWORD} characters`}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={
            (submitted && tooShort && `Use at least ${MIN_PASSWORD} characters.`) ||
            errors.fields.newPassword
          }
          required
          my="md"
        />
        <Button type="submit" loading={loading} fullWidth>
          Set the password and log in
        </Button>
      </form>
      {linkProblem && (
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      )}
    </AuthCard>
  );
}
