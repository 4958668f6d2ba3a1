import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { toast } from '../lib/toast.ts';
import { useRef, useState, type FormEvent } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type { MemberRowFieldsFragment } from '../__generated__/graphql.ts';
import { formErrors, idempotencyKey } from '../lib/errors.ts';
import { parseAmountInput, toDecimal } from '../lib/money.ts';
import { AmountInput } from './AmountInput.tsx';
import { DistributionPreview } from './DistributionPreview.tsx';
import { WaterfallPreview } from './WaterfallPreview.tsx';
import { FormAlert } from './FormAlert.tsx';

export const RecordContributionMutation = graphql(`
  mutation RecordContribution($poolId: ID!, $investorId: ID!, $amount: Decimal!, $key: String!) {
    recordContribution(
      poolId: $poolId
      investorId: $investorId
      amount: $amount
      idempotencyKey: $key
    ) {
      id
    }
  }
`);
export const DistributeMutation = graphql(`
  mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {
    distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {
      id
    }
  }
`);
export const ChargeFeeMutation = graphql(`
  mutation ChargeFee($poolId: ID!, $amount: Decimal!, $key: String!) {
    chargeFee(poolId: $poolId, amount: $amount, idempotencyKey: $key) {
      id
    }
  }
`);
export const CallCapitalMutation = graphql(`
  mutation CallCapital($poolId: ID!, $percent: Float!, $dueDate: DateTime!) {
    callCapital(poolId: $poolId, percent: $percent, dueDate: $dueDate) {
      id
      totalCalled {
        amount
        currency
      }
    }
  }
`);

type Kind = 'contribution' | 'distribution' | 'fee';
const REFETCH = ['PoolPage'];

/**
 * One money movement by the pool's manager. The idempotency key is made once per form, so a
 * retried submit (a lost answer, a double click) posts once.
 */
export function MoneyForm({
  kind,
  poolId,
  currency,
  members,
  onDone,
}: {
  kind: Kind;
  poolId: string;
  currency: string;
  members: readonly MemberRowFieldsFragment[];
  onDone: () => void;
}) {
  const key = useRef(idempotencyKey());
  const [amount, setAmount] = useState('');
  const [investorId, setInvestorId] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [record, recorded] = useMutation(RecordContributionMutation, { refetchQueries: REFETCH });
  const [distribute, distributed] = useMutation(DistributeMutation, { refetchQueries: REFETCH });
  const [fee, charged] = useMutation(ChargeFeeMutation, { refetchQueries: REFETCH });
  const state =
    kind === 'contribution' ? recorded : kind === 'distribution' ? distributed : charged;
  const parsed = parseAmountInput(amount, currency);
  const errors = formErrors(state.error, ['amount', 'investorId']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok || (kind === 'contribution' && !investorId)) return;
    // Money leaving the pool is split over the members: show each one's part before it posts.
    if (kind !== 'contribution' && !previewing) return setPreviewing(true);
    const variables = { poolId, amount: toDecimal(parsed.minor, currency), key: key.current };
    try {
      if (kind === 'contribution')
        await record({ variables: { ...variables, investorId: investorId! } });
      else if (kind === 'distribution') await distribute({ variables });
      else await fee({ variables });
      toast({ color: 'green', message: `${LABEL[kind]} posted.` });
      onDone();
    } catch {
      setPreviewing(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        {kind === 'contribution' && (
          <Select
            label="Investor"
            placeholder="Choose a member"
            data={members.map((m) => ({ value: m.investor.id, label: m.investor.name }))}
            value={investorId}
            onChange={setInvestorId}
            error={
              (submitted && !investorId && 'Choose the member who paid.') ||
              errors.fields.investorId
            }
            required
          />
        )}
        <AmountInput
          label="Amount"
          currency={currency}
          value={amount}
          onChange={(v) => {
            setAmount(v);
            setPreviewing(false);
          }}
          showErrors={submitted}
          serverError={errors.fields.amount}
          required
          data-autofocus
        />
        {kind !== 'contribution' && previewing && parsed.ok && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {kind === 'distribution'
                ? 'Each member receives'
                : "Each member bears (the pool's cash pays the fee)"}
            </Text>
            {kind === 'distribution' ? (
              // The ledger's own preview: the pool's terms may route it through a waterfall.
              <WaterfallPreview poolId={poolId} amount={toDecimal(parsed.minor, currency)} />
            ) : (
              // The ledger splits fees pro rata to capital, largest remainder, whatever the terms.
              <DistributionPreview members={members} amount={parsed.minor} currency={currency} />
            )}
            <Text size="sm" c="dimmed">
              Posted transactions are final: a mistake is corrected by a new transaction.
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          {previewing && (
            <Button variant="default" onClick={() => setPreviewing(false)}>
              Back
            </Button>
          )}
          <Button type="submit" loading={state.loading}>
            {kind === 'contribution'
              ? 'Post contribution'
              : !previewing
                ? 'Preview shares'
                : kind === 'distribution'
                  ? 'Confirm distribution'
                  : 'Confirm fee'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const LABEL: Record<Kind, string> = {
  contribution: 'Contribution',
  distribution: 'Distribution',
  fee: 'Fee',
};

/** A capital call: a share of every member's commitment, due on a date. */
export function CapitalCallForm({ poolId, onDone }: { poolId: string; onDone: () => void }) {
  const [percent, setPercent] = useState<number | ''>('');
  const [dueDate, setDueDate] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [call, { loading, error }] = useMutation(CallCapitalMutation, { refetchQueries: REFETCH });
  const errors = formErrors(error, ['percent', 'dueDate']);
  const percentProblem =
    percent === '' || percent <= 0 || percent > 100
      ? 'Enter a percentage above 0, at most 100.'
      : undefined;
  const dateProblem =
    !dueDate || new Date(`${dueDate}T23:59:59`) <= new Date()
      ? 'Pick a due date in the future.'
      : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (percentProblem || dateProblem || percent === '') return;
    try {
      await call({
        variables: { poolId, percent, dueDate: new Date(`${dueDate}T23:59:59`).toISOString() },
      });
      toast({ color: 'green', message: 'Capital called from every member.' });
      onDone();
    } catch {
      // shown below
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <NumberInput
          label="Share of each commitment (%)"
          min={0}
          max={100}
          decimalScale={2}
          value={percent}
          onChange={(v) => setPercent(typeof v === 'number' ? v : '')}
          error={(submitted && percentProblem) || errors.fields.percent}
          required
          data-autofocus
        />
        <TextInput
          label="Due date"
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={(submitted && dateProblem) || errors.fields.dueDate}
          required
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            Call capital
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
