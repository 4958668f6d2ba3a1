import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { AmountInput } from '../../components/AmountInput.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';
import { parseAmountInput, toDecimal } from '../../lib/money.ts';
import { toast } from '../../lib/toast.ts';

export const RecordValuationMutation = graphql(`
  mutation RecordValuation($input: RecordValuationInput!) {
    recordValuation(input: $input) {
      id
      date
      value {
        amount
        currency
      }
    }
  }
`);

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The manager records what the pool's net assets were worth on a day. A second valuation of
 * the same day is refused (CONFLICT) until "replace" is ticked, which the form then offers.
 */
export function ValuationForm({
  poolId,
  currency,
  onDone,
}: {
  poolId: string;
  currency: string;
  onDone: () => void;
}) {
  const [date, setDate] = useState(todayUtc());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [replace, setReplace] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [record, recording] = useMutation(RecordValuationMutation, {
    refetchQueries: ['PoolPerformancePanel'],
  });
  const parsed = parseAmountInput(value, currency, { allowZero: true });
  const errors = formErrors(recording.error, ['date', 'value', 'note']);
  const conflict =
    CombinedGraphQLErrors.is(recording.error) &&
    recording.error.errors.some((e) => e.extensions?.code === 'CONFLICT');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok || !date) return;
    try {
      await record({
        variables: {
          input: {
            poolId,
            date,
            value: toDecimal(parsed.minor, currency),
            note: note.trim() || null,
            replace,
          },
        },
      });
      toast({ color: 'green', message: 'Valuation recorded.' });
      onDone();
    } catch {
      // Shown by the form.
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <TextInput
          type="date"
          label="Valued on (UTC day)"
          value={date}
          max={todayUtc()}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={(submitted && !date && 'Choose the day.') || errors.fields.date}
          required
        />
        <AmountInput
          label={`Net asset value (${currency})`}
          description="Holdings and cash, as of the end of that day"
          currency={currency}
          value={value}
          onChange={setValue}
          showErrors={submitted}
          serverError={errors.fields.value}
          allowZero
          required
          data-autofocus
        />
        <Textarea
          label="Note"
          description="Source or method, e.g. the last round's price"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          error={errors.fields.note}
          autosize
          minRows={2}
        />
        {(conflict || replace) && (
          <Checkbox
            label="Replace the valuation of that day"
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={recording.loading}>
            Record valuation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
