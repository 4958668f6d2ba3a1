import { useMutation } from '@apollo/client/react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';
import { toast } from '../../lib/toast.ts';

const SetPayoutDetailsMutation = graphql(`
  mutation SetPayoutDetails($input: PayoutDetailsInput!) {
    setPayoutDetails(input: $input) {
      accountHolder
      maskedIban
      bic
    }
  }
`);

export interface PayoutDetails {
  accountHolder: string;
  maskedIban: string;
  bic: string;
}

/**
 * The bank account payouts go to. What is stored is shown masked; changing it may ask for a code
 * (step-up, answered by the dialog in the frame) and the account's address is told.
 */
export function PayoutDetailsForm({
  current,
  onChange,
}: {
  current: PayoutDetails | null;
  onChange: () => void;
}) {
  const empty = { accountHolder: '', iban: '', bic: '' };
  const [form, setForm] = useState(empty);
  const [submitted, setSubmitted] = useState(false);
  const [save, { loading, error }] = useMutation(SetPayoutDetailsMutation);
  const errors = formErrors(error, ['accountHolder', 'iban', 'bic']);
  const problems = {
    accountHolder: form.accountHolder.trim() ? undefined : 'Enter the name the account is in.',
    iban: /^[A-Za-z]{2}\d{2}[A-Za-z0-9 ]{11,40}$/.test(form.iban.trim())
      ? undefined
      : 'Enter an IBAN, e.g. DE89 3704 0044 0532 0130 00.',
    bic: /^[A-Za-z0-9 ]{8,14}$/.test(form.bic.trim())
      ? undefined
      : 'Enter the 8 or 11 character BIC.',
  };
  const show = (key: keyof typeof problems) => (submitted && problems[key]) || errors.fields[key];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.accountHolder || problems.iban || problems.bic) return;
    const result = await save({ variables: { input: form } }).catch(() => null);
    if (!result?.data) return;
    setForm(empty);
    setSubmitted(false);
    toast({ message: 'Payout details saved. We emailed you a notice.', color: 'green' });
    onChange();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payout-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={3} size="h4" id="payout-title">
            Payout details
          </Title>
          <Text size="sm" c="dimmed" data-testid="payout-current">
            {current
              ? `Payouts go to ${current.accountHolder}, ${current.maskedIban} (${current.bic}).`
              : 'No bank account yet: add one to receive payouts.'}
          </Text>
          <FormAlert errors={errors} />
          <TextInput
            label="Account holder"
            autoComplete="name"
            value={form.accountHolder}
            onChange={(e) => setForm({ ...form, accountHolder: e.currentTarget.value })}
            error={show('accountHolder')}
            required
          />
          <TextInput
            label="IBAN"
            autoComplete="off"
            spellCheck={false}
            value={form.iban}
            onChange={(e) => setForm({ ...form, iban: e.currentTarget.value })}
            error={show('iban')}
            required
          />
          <TextInput
            label="BIC"
            autoComplete="off"
            spellCheck={false}
            value={form.bic}
            onChange={(e) => setForm({ ...form, bic: e.currentTarget.value })}
            error={show('bic')}
            required
          />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {current ? 'Replace bank account' : 'Save bank account'}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
