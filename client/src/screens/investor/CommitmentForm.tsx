import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AmountInput } from '../../components/AmountInput.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';
import { formatMoney, parseAmountInput, toDecimal, toMinor } from '../../lib/money.ts';

/** What a commitment needs to know of the pool: its currency and minimum. */
export interface CommitmentPool {
  currency: string;
  minContribution?: { amount: string; currency: string } | null;
}

/**
 * Joining a pool, listed or by invitation: a commitment in the pool's currency, at least its
 * minimum (checked here as the server checks it), sent as the exact decimal. `commit` runs the
 * mutation; its error is shown beside the commitment or at the top of the form.
 */
export function CommitmentForm({
  pool,
  commit,
  loading,
  error,
  label = 'Accept and join',
}: {
  pool: CommitmentPool;
  commit: (commitment: string) => Promise<unknown>;
  loading: boolean;
  error: unknown;
  label?: string;
}) {
  const [commitment, setCommitment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const parsed = parseAmountInput(commitment, pool.currency);
  const minimum = pool.minContribution;
  const belowMinimum =
    parsed.ok && minimum && parsed.minor < toMinor(minimum.amount, pool.currency)
      ? 'The commitment must be at least the minimum contribution.'
      : undefined;
  const errors = formErrors(error, ['commitment']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok || belowMinimum) return;
    await commit(toDecimal(parsed.minor, pool.currency)).catch(() => null);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <AmountInput
          label="Commitment"
          description={minimum ? `At least ${formatMoney(minimum)}` : 'What you commit to invest'}
          currency={pool.currency}
          value={commitment}
          onChange={setCommitment}
          showErrors={submitted}
          serverError={(submitted && belowMinimum) || errors.fields.commitment}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
