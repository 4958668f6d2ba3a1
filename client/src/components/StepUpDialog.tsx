import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { StepUpMutation } from '../apollo/operations.ts';
import { formErrors } from '../lib/errors.ts';
import { useSessionStore } from '../session.tsx';
import { CodeInput, codeProblem } from './CodeInput.tsx';
import { FormAlert } from './FormAlert.tsx';

/**
 * Asks for a fresh code when an operation answers `use: "stepUp"` (confirming a payout,
 * changing payout details, creating an API key): the HTTP link waits for this dialog, then sends
 * the operation again with the stepped-up token, so no screen handles it on its own.
 */
export function StepUpDialog() {
  const store = useSessionStore();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const settle = useRef<((done: boolean) => void) | undefined>(undefined);
  const [stepUp, { loading, error, reset }] = useMutation(StepUpMutation);
  const errors = formErrors(error, ['code']);

  useEffect(() => {
    store.stepUpPrompt = () =>
      new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setCode('');
        setSubmitted(false);
        reset();
        setOpen(true);
      });
    return () => {
      store.stepUpPrompt = undefined;
      settle.current?.(false);
    };
  }, [store, reset]);

  function finish(done: boolean) {
    setOpen(false);
    settle.current?.(done);
    settle.current = undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (codeProblem(code)) return;
    const result = await stepUp({ variables: { code } }).catch(() => null);
    if (!result?.data) return;
    store.setAccessToken(result.data.stepUp.accessToken);
    finish(true);
  }

  return (
    <Modal opened={open} onClose={() => finish(false)} title="Confirm it is you" centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">
            Moving money out and handing out access need a fresh code from your authenticator app
            (it counts for 5 minutes).
          </Text>
          <FormAlert errors={errors} />
          {/* An account that must have a second factor but has none enrols on its account page. */}
          {errors.form && /none yet|no second factor/i.test(errors.form) && (
            <Anchor component={Link} to="/account" size="sm" onClick={() => finish(false)}>
              Turn on a second factor on your account page
            </Anchor>
          )}
          <CodeInput
            value={code}
            onChange={setCode}
            error={(submitted && codeProblem(code)) || errors.fields.code}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finish(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
