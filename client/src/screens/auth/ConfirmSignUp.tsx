import { useMutation } from '@apollo/client/react';
import { Anchor, Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmSignUpMutation } from '../../apollo/operations.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { linkErrors } from '../../lib/errors.ts';
import { useLinkToken } from '../../lib/linkToken.ts';
import { homeOf, primaryRole, sessionOf, useSessionStore } from '../../session.tsx';

/** Where the sign-up email's link lands: creates the account, signs in, goes home. */
export function ConfirmSignUp() {
  useDocumentTitle('Confirm your email');
  const store = useSessionStore();
  const navigate = useNavigate();
  const token = useLinkToken();
  const [confirm, { error }] = useMutation(ConfirmSignUpMutation);
  const started = useRef(false);

  const run = useCallback(() => {
    void confirm({ variables: { token } })
      .then(async ({ data }) => {
        if (!data) return;
        const session = sessionOf(data.confirmSignUp);
        store.set(session);
        await navigate(homeOf(primaryRole(session)), { replace: true });
      })
      .catch(() => undefined);
  }, [confirm, navigate, store, token]);

  useEffect(() => {
    // Once: a link works once, and a second render must not spend it again.
    if (started.current) return;
    started.current = true;
    run();
  }, [run]);

  return (
    <AuthCard title="Confirm your email">
      {error ? (
        <>
          <FormAlert errors={linkErrors(error)} onRetry={run} />
          <Anchor component={Link} to="/signup">
            Sign up again
          </Anchor>
        </>
      ) : (
        <Text role="status">
          <Loader size="xs" mr="xs" />
          Creating your account…
        </Text>
      )}
    </AuthCard>
  );
}
