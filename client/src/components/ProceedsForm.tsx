import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type { DistributionMemberFieldsFragment } from '../__generated__/graphql.ts';
import { formatDay } from '../lib/dates.ts';
import { formErrors, idempotencyKey } from '../lib/errors.ts';
import { formatMoney, parseAmountInput, toDecimal } from '../lib/money.ts';
import { toast } from '../lib/toast.ts';
import { AmountInput } from './AmountInput.tsx';
import { DistributionPreview } from './DistributionPreview.tsx';
import { FormAlert } from './FormAlert.tsx';

export const RecordProceedsMutation = graphql(`
  mutation RecordProceeds(
    $poolId: ID!
    $amount: Decimal!
    $note: String!
    $occurredAt: DateTime
    $key: String!
  ) {
    recordProceeds(
      poolId: $poolId
      amount: $amount
      note: $note
      occurredAt: $occurredAt
      idempotencyKey: $key
    ) {
      ...TransactionRowFields
    }
  }
`);

const NOTE_MAX = 500;
const FIELDS = ['amount', 'note', 'occurredAt'];
/** The pool's figures, its members' positions, its transactions and the fee preview. */
const REFETCH = ['PoolPage', 'PoolTransactions', 'NextManagementFee'];

/** Today in the user's time zone, as a date input states it ("2026-12-06"). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The moment a chosen day stands for: none for today (the ledger takes now, never the future),
 * noon of an earlier day in the user's time zone (the same day wherever it is read nearby).
 */
export function occurredAtFor(day: string, today = localToday()): string | null {
  if (!day || day === today) return null;
  return new Date(`${day}T12:00:00`).toISOString();
}

interface Request {
  amount: string;
  note: string;
  occurredAt: string | null;
}

/**
 * The manager records money the pool received back from its holdings (an exit, a dividend, a
 * sale): amount, what it was, and optionally the day it arrived; then a summary to confirm, with
 * each member's credit as the ledger splits it (pro rata to net contributed capital, largest
 * remainder). One idempotency key per distinct request: "Try again" after a lost answer, or
 * going back and confirming the same request, reuses it, so it posts once; a changed request
 * gets a new key.
 */
export function ProceedsForm({
  poolId,
  poolName,
  currency,
  members,
  onDone,
}: {
  poolId: string;
  poolName: string;
  currency: string;
  members: readonly DistributionMemberFieldsFragment[];
  onDone: () => void;
}) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [day, setDay] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [reviewing, setReviewing] = useState<Request | null>(null);
  const key = useRef<{ key: string; request: string } | null>(null);
  const [record, recorded] = useMutation(RecordProceedsMutation, { refetchQueries: REFETCH });
  const errors = formErrors(recorded.error, FIELDS);
  const parsed = parseAmountInput(amount, currency);
  const today = localToday();
  const noteProblem = !note.trim()
    ? 'Say what the money is, e.g. "Sale of Acme shares".'
    : note.trim().length > NOTE_MAX
      ? `Use at most ${NOTE_MAX} characters.`
      : undefined;
  const dayProblem = day && day > today ? 'The day cannot be in the future.' : undefined;
  // A refusal naming a field sends the manager back to that field.
  const fieldRefused = FIELDS.some((f) => errors.fields[f]);

  function review(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok || noteProblem || dayProblem) return;
    recorded.reset();
    setReviewing({
      amount: toDecimal(parsed.minor, currency),
      note: note.trim(),
      occurredAt: occurredAtFor(day, today),
    });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!reviewing) return;
    const request = JSON.stringify(reviewing);
    if (key.current?.request !== request) key.current = { key: idempotencyKey(), request };
    const result = await record({
      variables: { poolId, ...reviewing, key: key.current.key },
    }).catch(() => null);
    if (result?.data) {
      toast({ color: 'green', message: 'Proceeds recorded.' });
      onDone();
    }
  }

  if (reviewing && !fieldRefused) {
    const minor = parseAmountInput(reviewing.amount, currency);
    return (
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <Stack>
          <FormAlert errors={errors} />
          <Table aria-label="Proceeds to record">
            <Table.Tbody>
              {[
                ['Pool', poolName],
                ['Amount', formatMoney({ amount: reviewing.amount, currency })],
                ['What it is', reviewing.note],
                ['Received', reviewing.occurredAt ? formatDay(reviewing.occurredAt) : 'Today'],
              ].map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w={110}>
                    {label}
                  </Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" fw={600}>
            The pool&apos;s cash grows; each member&apos;s capital account is credited
          </Text>
          {minor.ok && (
            <DistributionPreview members={members} amount={minor.minor} currency={currency} />
          )}
          <Text size="sm" c="dimmed">
            Posted transactions are final: a mistake is corrected by a new transaction. Distribute
            the proceeds to pay them out.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReviewing(null)}>
              Back
            </Button>
            <Button type="submit" loading={recorded.loading}>
              Confirm proceeds
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={review} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <Text size="sm">
          Money the pool received back from its holdings: an exit, a dividend, a sale.
        </Text>
        <AmountInput
          label="Amount received"
          currency={currency}
          value={amount}
          onChange={setAmount}
          showErrors={submitted}
          serverError={errors.fields.amount}
          required
          data-autofocus
        />
        <Textarea
          label="What it is"
          description="Shown with the transaction, e.g. the company sold or the dividend paid"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={(submitted && noteProblem) || errors.fields.note}
          rows={2}
          required
        />
        <TextInput
          type="date"
          label="Received on"
          description="Leave empty for today"
          value={day}
          max={today}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={(submitted && dayProblem) || errors.fields.occurredAt}
        />
        <Group justify="flex-end">
          <Button type="submit">Review</Button>
        </Group>
      </Stack>
    </form>
  );
}
