import { useMutation } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { RequestSignUpMutation, SignUpMutation } from '../../apollo/operations.ts';
import { formatMoment } from '../../lib/dates.ts';
import { formErrors } from '../../lib/errors.ts';
import { homeOf, primaryRole, sessionOf, useSessionStore } from '../../session.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';

const MIN_PASSWORD = 12;

export function SignUp() {
  useDocumentTitle('Sign up');
  const store = useSessionStore();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'INVESTOR' });
  const [submitted, setSubmitted] = useState(false);
  const [signUp, signingUp] = useMutation(SignUpMutation);
  const [requestSignUp, requesting] = useMutation(RequestSignUpMutation);
  // Where the platform confirms emails first, signUp says so once and requestSignUp is used.
  const [confirmsEmail, setConfirmsEmail] = useState(false);
  const [requested, setRequested] = useState<{ email: string; expiresAt: string } | null>(null);
  const loading = signingUp.loading || requesting.loading;
  const error = confirmsEmail ? requesting.error : signingUp.error;
  const problems = {
    name: form.name.trim() ? undefined : 'Enter your name.',
    email: /^\S+@\S+\.\S+$/.test(form.email) ? undefined : 'Enter a valid email address.',
    password:
      form.password.length >= MIN_PASSWORD ? undefined : `Use at least ${MIN_PASSWORD} characters.`,
  };
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean)) return;
    const input = { ...form, role: form.role as 'INVESTOR' | 'MANAGER' };
    if (!confirmsEmail) {
      const result = await signUp({ variables: { input } }).catch((e: unknown) => ({ error: e }));
      if ('data' in result && result.data) {
        const session = sessionOf(result.data.signUp);
        store.set(session);
        await navigate(homeOf(primaryRole(session)));
        return;
      }
      if (!asksForConfirmation(result.error)) return;
      setConfirmsEmail(true);
    }
    const { data } = await requestSignUp({ variables: { input } }).catch(() => ({ data: null }));
    if (data) setRequested(data.requestSignUp);
  }

  if (requested) return <CheckInbox {...requested} />;
  const errors = formErrors(error);
  const show = (key: keyof typeof problems) => (submitted && problems[key]) || errors.fields[key];
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Create your account
            </Title>
            <FormAlert errors={errors} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="role-label">
                I am
              </Text>
              <SegmentedControl
                aria-labelledby="role-label"
                value={form.role}
                onChange={set('role')}
                data={[
                  { value: 'INVESTOR', label: 'An investor' },
                  { value: 'MANAGER', label: 'A fund manager' },
                ]}
              />
            </Stack>
            <TextInput
              label="Name"
              autoComplete="name"
              value={form.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={show('name')}
              required
            />
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={show('email')}
              required
            />
            <PasswordInput
              label="Password"
              description={`At least ${MIN_PASSWORD} characters`}
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
              error={show('password')}
              required
            />
            <Button type="submit" loading={loading}>
              Sign up
            </Button>
            <Text size="sm">
              Already have an account?{' '}
              <Anchor component={Link} to="/login">
                Log in
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** signUp's answer where accounts are created only from the link requestSignUp emails. */
const asksForConfirmation = (error: unknown) =>
  CombinedGraphQLErrors.is(error) &&
  error.errors.some((e) => e.extensions?.use === 'requestSignUp');

/** The same page for every address: it never tells whether one already has an account. */
function CheckInbox({ email, expiresAt }: { email: string; expiresAt: string }) {
  useDocumentTitle('Check your inbox');
  return (
    <AuthCard title="Check your inbox">
      <Text style={{ overflowWrap: 'anywhere' }}>
        We sent an email to <strong>{email}</strong>. Open the link in it to create your account; it
        works once, until {formatMoment(expiresAt)}.
      </Text>
      <Text size="sm" c="dimmed">
        If this address already has an account, the email says so instead: log in with it.
      </Text>
      <Anchor component={Link} to="/login">
        Back to log in
      </Anchor>
    </AuthCard>
  );
}
