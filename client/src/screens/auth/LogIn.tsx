import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FinishLogInMutation, StartLogInMutation } from '../../apollo/operations.ts';
import { CodeInput, codeProblem } from '../../components/CodeInput.tsx';
import { formErrors } from '../../lib/errors.ts';
import { sessionOf, useSessionStore } from '../../session.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { FormAlert } from '../../components/FormAlert.tsx';

export function LogIn() {
  useDocumentTitle('Log in');
  const store = useSessionStore();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [logIn, { loading, error }] = useMutation(StartLogInMutation);
  const invalid = { email: !/^\S+@\S+$/.test(email), password: password.length === 0 };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (invalid.email || invalid.password) return;
    const { data } = await logIn({ variables: { email, password } }).catch(() => ({ data: null }));
    if (!data) return;
    const step = data.startLogIn;
    if (step.__typename === 'SecondFactorChallenge') {
      setPassword('');
      setChallenge(step.challenge);
      return;
    }
    // The /login route, now signed in, sends the user back where they were going (App.tsx).
    if (step.__typename === 'AuthPayload') store.set(sessionOf(step));
  }

  const errors = formErrors(error);
  if (challenge) {
    return <SecondStep challenge={challenge} onRestart={() => setChallenge(null)} />;
  }
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Log in to Poolgraph
            </Title>
            <FormAlert errors={errors} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={
                (submitted && invalid.email && 'Enter your email address.') || errors.fields.email
              }
              required
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={
                (submitted && invalid.password && 'Enter your password.') || errors.fields.password
              }
              required
            />
            <Button type="submit" loading={loading}>
              Log in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
            <Text size="sm">
              New here?{' '}
              <Anchor component={Link} to="/signup">
                Create an account
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** The second step of a login: a code for the challenge the password step answered. */
function SecondStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const store = useSessionStore();
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [finish, { loading, error }] = useMutation(FinishLogInMutation);
  const errors = formErrors(error, ['code']);
  // A spent or expired challenge cannot be answered again: only the password step helps.
  const expired =
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  const problem = submitted ? codeProblem(code) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (codeProblem(code)) return;
    const { data } = await finish({ variables: { challenge, code } }).catch(() => ({
      data: null,
    }));
    if (data) store.set(sessionOf(data.finishLogIn));
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Enter your code
            </Title>
            <Text size="sm" c="dimmed">
              Your account has a second factor. Open your authenticator app and type the code it
              shows for Poolgraph.
            </Text>
            <FormAlert errors={errors} />
            <CodeInput value={code} onChange={setCode} error={problem ?? errors.fields.code} />
            <Button type="submit" loading={loading} disabled={expired}>
              Log in
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={onRestart}>
              {expired ? 'Log in again' : 'Use another account'}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
