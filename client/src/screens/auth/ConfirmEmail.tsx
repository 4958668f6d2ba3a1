import { useMutation } from '@apollo/client/react';
import { Anchor, Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { linkErrors } from '../../lib/errors.ts';
import { useLinkToken } from '../../lib/linkToken.ts';
import { useSession } from '../../session.tsx';

const ConfirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token)
  }
`);

/** Where the email-change link lands (in any browser, signed in or not). */
export function ConfirmEmail() {
  useDocumentTitle('Confirm your new email');
  const token = useLinkToken();
  const session = useSession();
  const [confirm, { data, error }] = useMutation(ConfirmEmailChangeMutation);
  const started = useRef(false);
  const run = useCallback(() => {
    void confirm({ variables: { token } }).catch(() => undefined);
  }, [confirm, token]);
  useEffect(() => {
    // Once: a link works once, and a second render must not spend it again.
    if (started.current) return;
    started.current = true;
    run();
  }, [run]);

  return (
    <AuthCard title="Confirm your new email">
      {error && <FormAlert errors={linkErrors(error)} onRetry={run} />}
      {data && <Text>Done: you now log in with your new email address.</Text>}
      {!error && !data && (
        <Text role="status">
          <Loader size="xs" mr="xs" />
          Changing your email…
        </Text>
      )}
      <Anchor component={Link} to={session ? '/account' : '/login'}>
        {session ? 'Back to your account' : 'Log in'}
      </Anchor>
    </AuthCard>
  );
}
