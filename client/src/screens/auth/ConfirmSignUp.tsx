import { useMutation } from '@apollo/client/react';
import { Anchor, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmSignUpMutation } from '../../apollo/operations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formErrors } from '../../lib/errors.ts';
import { homeOf, primaryRole, useSessionStore } from '../../session.tsx';

/** The link's token rides in the fragment (`#token=…`), which no server or Referer sees. */
const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';

/** Where the sign-up email's link lands: creates the account, signs in, goes home. */
export function ConfirmSignUp() {
  useDocumentTitle('Confirm your email');
  const store = useSessionStore();
  const navigate = useNavigate();
  const [confirm, { error }] = useMutation(ConfirmSignUpMutation);
  const token = useRef<string | null>(null);

  const run = useCallback(() => {
    void confirm({ variables: { token: token.current ?? '' } })
      .then(async ({ data }) => {
        if (!data) return;
        const { accessToken, refreshToken, user } = data.confirmSignUp;
        const session = { accessToken, refreshToken, user: { ...user, roles: [...user.roles] } };
        store.set(session);
        await navigate(homeOf(primaryRole(session)), { replace: true });
      })
      .catch(() => undefined);
  }, [confirm, navigate, store]);

  useEffect(() => {
    // Once: a link works once, and a second render must not spend it again.
    if (token.current !== null) return;
    token.current = tokenOf(window.location.hash);
    // The token leaves the address bar (and the history) before anything else happens.
    window.history.replaceState(null, '', window.location.pathname);
    run();
  }, [run]);

  // Every message at the top, the token's too: the page has no field to put one beside.
  const errors = formErrors(error, ['token']);
  const shown = { ...errors, form: errors.form ?? errors.fields.token };
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Stack>
          <Title order={1} size="h2">
            Confirm your email
          </Title>
          {error ? (
            <>
              <FormAlert errors={shown} onRetry={run} />
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
        </Stack>
      </Paper>
    </Center>
  );
}
