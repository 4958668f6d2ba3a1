import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__/gql.ts';
import { AmountInput } from '../components/AmountInput.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formErrors } from '../lib/errors.ts';
import { formatMoney, parseAmountInput, toDecimal, toMinor } from '../lib/money.ts';
import { toast } from '../lib/toast.ts';

const ConfirmBankTransferMutation = graphql(`
  mutation ConfirmBankTransfer($reference: String!, $amount: Decimal!) {
    confirmBankTransfer(reference: $reference, amount: $amount) {
      id
      status
      amount {
        amount
        currency
      }
    }
  }
`);

/**
 * What became of a confirmed transfer, said as it is: posted in full, or with the rest held in
 * suspense for a refund (more arrived than was started), or all of it held (the pool no longer
 * took money from the investor).
 */
export function receivedToast(
  settled: { status: string; amount: { amount: string; currency: string } },
  receivedMinor: bigint,
): { color: string; message: string } {
  const { currency } = settled.amount;
  const money = (minor: bigint) => formatMoney({ amount: toDecimal(minor, currency), currency });
  if (settled.status !== 'POSTED') {
    return {
      color: 'yellow',
      message: `Transfer received, but the pool no longer takes money from this investor: ${money(receivedMinor)} is held in suspense for a refund.`,
    };
  }
  const posted = toMinor(settled.amount.amount, currency);
  return receivedMinor > posted
    ? {
        color: 'yellow',
        message: `Transfer received: ${money(posted)} is posted; the other ${money(receivedMinor - posted)} is held in suspense for a refund.`,
      }
    : { color: 'green', message: `Transfer received: ${money(posted)} is posted.` };
}

/**
 * The manager saw a transfer arrive on the pool's bank statement: its reference (the one the
 * investor was given) and the amount that arrived post the pending contribution, for that
 * amount. Confirming the same transfer again changes nothing; another amount is refused.
 * Money the pool did not take is said so, never shown as posted.
 */
export function BankTransferReceivedForm({
  currency,
  onDone,
}: {
  currency: string;
  onDone: () => void;
}) {
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [confirm, { loading, error }] = useMutation(ConfirmBankTransferMutation, {
    refetchQueries: ['PoolPage', 'PoolTransactions'],
  });
  const errors = formErrors(error, ['reference', 'amount']);
  const parsed = parseAmountInput(amount, currency);
  const referenceProblem = reference.trim() ? undefined : 'Enter the reference on the transfer.';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (referenceProblem || !parsed.ok) return;
    const result = await confirm({
      variables: { reference: reference.trim(), amount: toDecimal(parsed.minor, currency) },
    }).catch(() => null);
    const settled = result?.data?.confirmBankTransfer;
    if (settled) {
      toast(receivedToast(settled, parsed.minor));
      onDone();
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <Text size="sm">
          For a transfer an investor started in the app: it posts their pending contribution for
          what arrived (at most what they started).
        </Text>
        <TextInput
          label="Reference"
          placeholder="PG-…"
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={(submitted && referenceProblem) || errors.fields.reference}
          required
          data-autofocus
        />
        <AmountInput
          label="Amount received"
          currency={currency}
          value={amount}
          onChange={setAmount}
          showErrors={submitted}
          serverError={errors.fields.amount}
          required
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            Post contribution
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
