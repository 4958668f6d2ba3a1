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
import { LogInMutation } from '../../apollo/operations.ts';
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
  const [logIn, { loading, error }] = useMutation(LogInMutation);
  const invalid = { email: !/^\S+@\S+$/.test(email), password: password.length === 0 };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (invalid.email || invalid.password) return;
    const { data } = await logIn({ variables: { email, password } }).catch(() => ({ data: null }));
    if (!data) return;
    // The /login route, now signed in, sends the user back where they were going (App.tsx).
    store.set(sessionOf(data.logIn));
  }

  const errors = formErrors(error);
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
