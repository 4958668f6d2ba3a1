import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { formErrors } from '../lib/errors.ts';
import { FormAlert } from './FormAlert.tsx';

export interface ConfirmRequest {
  /** The question, naming the thing: "Close Harbor Fund?" */
  title: string;
  /** What will happen, in plain words (and what cannot be undone). */
  body: ReactNode;
  /** The button that does it, a verb: "Close pool". */
  confirmLabel: string;
  /** Red for what destroys or cannot be undone. */
  danger?: boolean;
  /** Does it; the dialog stays open with the error if it fails. */
  action: () => Promise<unknown>;
}

/**
 * The one confirmation for irreversible actions: says what will happen, does it only on the
 * confirm button, and shows a failure inside the dialog (with a retry for network failures)
 * rather than closing as if it had worked.
 */
export function ConfirmDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest | null;
  onClose: () => void;
}) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const close = () => {
    setError(undefined);
    onClose();
  };

  async function confirm() {
    if (!request) return;
    setRunning(true);
    setError(undefined);
    try {
      await request.action();
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  }

  return (
    <Modal opened={request !== null} onClose={close} title={request?.title ?? ''}>
      {request && (
        <Stack>
          <FormAlert errors={formErrors(error)} onRetry={() => void confirm()} />
          <div>{request.body}</div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color={request.danger ? 'red' : undefined}
              onClick={() => void confirm()}
              loading={running}
            >
              {request.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
