import { Alert, Button, Code, Group, Text } from '@mantine/core';
import type { FormErrors } from '../lib/errors.ts';

/**
 * The one place a form shows what went wrong that belongs to no field: at the top of the form,
 * announced to screen readers, with "Try again" when the request never got an answer (the
 * retry resubmits the enclosing form: the same action, with the same idempotency key). The
 * errors' standard codes (CONFLICT, INSUFFICIENT_FUNDS …) follow the message, so what the API
 * said is never lost and can be quoted to support.
 */
export function FormAlert({ errors, onRetry }: { errors: FormErrors; onRetry?: () => void }) {
  if (!errors.form) return null;
  return (
    <Alert color="red" role="alert" title="Not done" data-testid="form-error">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">
          {errors.form}
          {errors.codes?.map((code) => (
            <Code key={code} ml={6} data-testid="form-error-code">
              {code}
            </Code>
          ))}
        </Text>
        {errors.retryable && (
          <Button
            size="xs"
            variant="default"
            // By default the retry submits the form again (same inputs, same idempotency key).
            onClick={(event) =>
              onRetry ? onRetry() : event.currentTarget.closest('form')?.requestSubmit()
            }
          >
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
