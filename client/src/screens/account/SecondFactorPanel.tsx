import { useMutation } from '@apollo/client/react';
import {
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { CodeInput, codeProblem } from '../../components/CodeInput.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';
import { toast } from '../../lib/toast.ts';
import { sessionOf, useSessionStore } from '../../session.tsx';

const StartEnrolmentMutation = graphql(`
  mutation StartTotpEnrolment {
    startTotpEnrolment {
      secret
      uri
    }
  }
`);

const ConfirmEnrolmentMutation = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code) {
      recoveryCodes
      session {
        accessToken
        refreshToken
        user {
          ...SessionUserFields
        }
      }
    }
  }
`);

const DisableMutation = graphql(`
  mutation DisableTotp($password: String!, $code: String!) {
    disableTotp(password: $password, code: $code) {
      id
    }
  }
`);

const RequireMutation = graphql(`
  mutation SetSecondFactorRequired($required: Boolean!) {
    setSecondFactorRequired(required: $required) {
      id
    }
  }
`);

export interface SecondFactorStatus {
  enabled: boolean;
  mustEnrol: boolean;
  requireSetting: boolean;
  recoveryCodesLeft: number;
}

/** The QR code of the otpauth URI, drawn in the browser (the secret never leaves it). */
function QrCode({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ toDataURL }) =>
      toDataURL(uri, { margin: 1, width: 200 }).then((url) => live && setSrc(url)),
    );
    return () => {
      live = false;
    };
  }, [uri]);
  return src ? (
    <Image src={src} w={200} h={200} alt="QR code to scan with your authenticator app" />
  ) : null;
}

/** Shown once, right after TOTP is turned on. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Stack data-testid="recovery-codes">
      <Text size="sm">
        Keep these recovery codes somewhere safe. Each works once in place of a code from your app,
        for when you lose your phone. They are shown only now.
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4}>
        {codes.map((code) => (
          <Code key={code} fz="sm">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy all'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>I saved them</Button>
      </Group>
    </Stack>
  );
}

function Enrolment({ onChange }: { onChange: () => void }) {
  const store = useSessionStore();
  const [start, started] = useMutation(StartEnrolmentMutation);
  const [confirm, confirmed] = useMutation(ConfirmEnrolmentMutation);
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const enrolment = started.data?.startTotpEnrolment;
  const errors = formErrors(started.error ?? confirmed.error, ['code']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return;
    const result = await confirm({ variables: { code } }).catch(() => null);
    if (!result?.data) return;
    // Every other session ended; this browser carries on with the one it answers.
    store.set(sessionOf(result.data.confirmTotpEnrolment.session));
    setCodes(result.data.confirmTotpEnrolment.recoveryCodes);
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={onChange} />;
  if (!enrolment) {
    return (
      <Stack>
        <FormAlert errors={errors} />
        <Button
          style={{ alignSelf: 'flex-start' }}
          loading={started.loading}
          onClick={() => void start().catch(() => null)}
        >
          Turn on
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <Text size="sm">
          Scan this with an authenticator app (Google Authenticator, 1Password, Aegis…), then type
          the code it shows.
        </Text>
        <QrCode uri={enrolment.uri} />
        <Text size="sm">
          Cannot scan? Type this key into the app:{' '}
          <Code style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
            {/* In groups of four, as apps show and people type it (spaces are ignored). */}
            {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
          </Code>
        </Text>
        <FormAlert errors={errors} />
        <CodeInput
          value={code}
          onChange={setCode}
          label="Code from the app"
          error={
            (submitted && !/^\d{6}$/.test(code.replace(/\s/g, '')) && 'Enter the 6 digits.') ||
            errors.fields.code
          }
        />
        <Button type="submit" loading={confirmed.loading} style={{ alignSelf: 'flex-start' }}>
          Confirm and turn on
        </Button>
      </Stack>
    </form>
  );
}

function Disable({ onChange }: { onChange: () => void }) {
  const [form, setForm] = useState({ password: '', code: '' });
  const [submitted, setSubmitted] = useState(false);
  const [disable, { loading, error }] = useMutation(DisableMutation);
  const errors = formErrors(error, ['password', 'code']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!form.password || codeProblem(form.code)) return;
    const result = await disable({ variables: form }).catch(() => null);
    if (!result?.data) return;
    toast({ message: 'Second factor turned off.', color: 'green' });
    onChange();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          error={(submitted && !form.password && 'Enter your password.') || errors.fields.password}
          required
        />
        <CodeInput
          value={form.code}
          onChange={(code) => setForm({ ...form, code })}
          error={(submitted && codeProblem(form.code)) || errors.fields.code}
        />
        <Button type="submit" color="red" loading={loading} style={{ alignSelf: 'flex-start' }}>
          Turn off
        </Button>
      </Stack>
    </form>
  );
}

/** TOTP: turn on (QR code, first code, recovery codes shown once), turn off, the setting. */
export function SecondFactorPanel({
  status,
  onChange,
}: {
  status: SecondFactorStatus;
  onChange: () => void;
}) {
  const [setRequired, required] = useMutation(RequireMutation);
  const [turningOff, setTurningOff] = useState(false);
  const requireErrors = formErrors(required.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="second-factor-title">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4" id="second-factor-title">
            Second factor
          </Title>
          <Badge variant="dot" color={status.enabled ? 'green' : status.mustEnrol ? 'red' : 'gray'}>
            {status.enabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {status.enabled
            ? `Logging in asks for a code from your authenticator app. Recovery codes left: ${status.recoveryCodesLeft}.`
            : status.mustEnrol
              ? 'Administrators must have a second factor: turn it on to use the admin screens.'
              : 'Ask for a code from an authenticator app at every login, and before money moves out.'}
        </Text>
        {!status.enabled && <Enrolment onChange={onChange} />}
        {status.enabled && !status.mustEnrol && !turningOff && (
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setTurningOff(true)}
          >
            Turn off…
          </Button>
        )}
        {status.enabled && turningOff && <Disable onChange={onChange} />}
        <FormAlert errors={requireErrors} />
        <Checkbox
          label="Require a second factor for payouts and API keys"
          description="They then need a code from the last 5 minutes, even before one is turned on."
          checked={status.requireSetting}
          disabled={required.loading}
          onChange={(e) =>
            void setRequired({ variables: { required: e.currentTarget.checked } })
              .then(onChange)
              .catch(() => null)
          }
        />
      </Stack>
    </Paper>
  );
}
