import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { PaymentMethod, PositionCardFieldsFragment } from '../__generated__/graphql.ts';
import { AmountInput } from '../components/AmountInput.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formErrors, idempotencyKey } from '../lib/errors.ts';
import { formatMoney, parseAmountInput, toDecimal } from '../lib/money.ts';
import { BankTransferInstructions } from './BankTransferInstructions.tsx';
import { CardPayment } from './CardPayment.tsx';
import { StartContributionMutation } from './operations.ts';

type Step = 'details' | 'summary' | 'pay' | 'paid';
const METHOD_LABEL: Record<PaymentMethod, string> = {
  CARD: 'Card',
  BANK_TRANSFER: 'Bank transfer',
};

/**
 * An investor pays a contribution from outside: amount and method, a summary to confirm, then
 * `startContribution` (a PENDING contribution at the ledger) and the card's confirmation or
 * the transfer's instructions. Nothing starts before the summary is confirmed; the money
 * counts once the provider (card) or the manager (transfer) confirms it arrived.
 */
export function ContributeFlow({
  membership,
  onDone,
}: {
  membership: PositionCardFieldsFragment;
  onDone: () => void;
}) {
  const { pool } = membership;
  const { currency } = pool;
  const [step, setStep] = useState<Step>('details');
  const [amount, setAmount] = useState(
    /^0(\.0+)?$/.test(membership.outstanding.amount) ? '' : membership.outstanding.amount,
  );
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [submitted, setSubmitted] = useState(false);
  // One key per confirmed summary: a retry after a lost answer starts the same payment once.
  const key = useRef(idempotencyKey());
  const [start, started] = useMutation(StartContributionMutation, {
    refetchQueries: ['MyPositions'],
  });
  const errors = formErrors(started.error, ['amount']);
  const parsed = parseAmountInput(amount, currency);
  const exact = parsed.ok ? { amount: toDecimal(parsed.minor, currency), currency } : null;
  const intent = started.data?.startContribution;

  function review(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok) return;
    key.current = idempotencyKey();
    started.reset();
    setStep('summary');
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!exact) return;
    const result = await start({
      variables: { poolId: pool.id, amount: exact.amount, method, key: key.current },
    }).catch(() => null);
    // On an error the summary stays (the amount's own error sends the form back to the amount).
    if (result?.data) setStep('pay');
  }

  if (step === 'details' || (step === 'summary' && errors.fields.amount)) {
    return (
      <form onSubmit={review} noValidate>
        <Stack>
          <AmountInput
            label="Amount"
            currency={currency}
            value={amount}
            onChange={setAmount}
            showErrors={submitted}
            serverError={errors.fields.amount}
            required
            data-autofocus
          />
          <Radio.Group
            label="Pay by"
            value={method}
            onChange={(value) => setMethod(value as PaymentMethod)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="CARD" label="Card" description="Confirmed in seconds." />
              <Radio
                value="BANK_TRANSFER"
                label="Bank transfer"
                description="Counts once the money arrives, usually in one to two business days."
              />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button type="submit">Review</Button>
          </Group>
        </Stack>
      </form>
    );
  }

  if (step === 'summary' && exact) {
    return (
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <Stack>
          <FormAlert errors={errors} />
          <Table aria-label="Contribution summary">
            <Table.Tbody>
              {[
                ['Pool', pool.name],
                ['Amount', formatMoney(exact)],
                ['Pay by', METHOD_LABEL[method]],
              ].map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w={110}>
                    {label}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">
            {method === 'CARD'
              ? 'Next you pay by card. The contribution shows as pending until the card provider confirms the payment.'
              : 'Next you get the bank details and a reference. The contribution shows as pending until the money arrives; if it does not, it is cancelled.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('details')}>
              Back
            </Button>
            <Button type="submit" loading={started.loading}>
              {method === 'CARD' ? 'Continue to card payment' : 'Get transfer details'}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  if (step === 'pay' && intent?.method === 'CARD' && intent.clientSecret && exact) {
    return (
      <CardPayment
        clientSecret={intent.clientSecret}
        amountLabel={formatMoney(exact)}
        onPaid={() => setStep('paid')}
        onStartAgain={() => {
          // A new payment: a new key, or the ledger would answer with the cancelled one.
          key.current = idempotencyKey();
          started.reset();
          setStep('summary');
        }}
      />
    );
  }

  if (step === 'pay' && intent?.bankTransfer) {
    return (
      <Stack>
        <BankTransferInstructions
          instructions={intent.bankTransfer}
          expiresAt={intent.transaction.expiresAt}
        />
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      <Alert color="green" title="Payment accepted" role="status">
        {exact ? formatMoney(exact) : 'Your contribution'} shows as pending in {pool.name} until the
        card provider confirms it, usually within seconds.
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
