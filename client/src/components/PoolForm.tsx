import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { SUPPORTED_CURRENCIES } from '@poolgraph/money/browser';
import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__/gql.ts';
import { formErrors } from '../lib/errors.ts';
import { decimalFromInput, parseAmountInput, toMinor } from '../lib/money.ts';
import { AmountInput } from './AmountInput.tsx';
import { FormAlert } from './FormAlert.tsx';

export const CreatePoolMutation = graphql(`
  mutation CreatePool($input: CreatePoolInput!) {
    createPool(input: $input) {
      ...PoolCardFields
      description
      minContribution {
        amount
        currency
      }
      maxInvestors
    }
  }
`);

export const UpdatePoolMutation = graphql(`
  mutation UpdatePool($id: ID!, $input: UpdatePoolInput!) {
    updatePool(id: $id, input: $input) {
      ...PoolCardFields
      description
      minContribution {
        amount
        currency
      }
      maxInvestors
    }
  }
`);

export interface PoolFormValues {
  name: string;
  description: string;
  currency: string;
  targetAmount: string;
  minContribution: string;
  maxInvestors: number | '';
}

const EMPTY: PoolFormValues = {
  name: '',
  description: '',
  currency: 'USD',
  targetAmount: '',
  minContribution: '',
  maxInvestors: '',
};

/** Create a pool, or edit one (`poolId`): validated here first, server errors beside fields. */
export function PoolForm({
  poolId,
  initial = EMPTY,
  currencyLocked,
  onDone,
}: {
  poolId?: string;
  initial?: PoolFormValues;
  /** A pool with money in it keeps its currency. */
  currencyLocked?: boolean;
  onDone: (poolId: string) => void;
}) {
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [create, created] = useMutation(CreatePoolMutation, {
    refetchQueries: ['ManagerDashboard'],
  });
  const [update, updated] = useMutation(UpdatePoolMutation);
  const { loading, error } = poolId ? updated : created;
  const set = <K extends keyof PoolFormValues>(key: K, value: PoolFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const optionalAmount = (text: string) =>
    text.trim() === '' || parseAmountInput(text, values.currency).ok;
  const target = decimalFromInput(values.targetAmount, values.currency);
  const minimum = decimalFromInput(values.minContribution, values.currency);
  // The server's rule, checked here first: a minimum above the target could never be met.
  const minAboveTarget =
    target !== null &&
    minimum !== null &&
    parseAmountInput(minimum, values.currency).ok &&
    toMinor(minimum, values.currency) > toMinor(target, values.currency)
      ? 'The minimum contribution must be at most the target amount.'
      : undefined;
  const valid =
    values.name.trim().length > 0 &&
    optionalAmount(values.targetAmount) &&
    optionalAmount(values.minContribution) &&
    !minAboveTarget;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    const input = {
      name: values.name.trim(),
      description: values.description.trim() || null,
      currency: values.currency,
      // The exact Decimal string, whatever separators the user typed ("1,000,000").
      targetAmount: target,
      minContribution: minimum,
      maxInvestors: values.maxInvestors === '' ? null : values.maxInvestors,
    };
    try {
      if (poolId) {
        const { data } = await update({ variables: { id: poolId, input } });
        if (data) onDone(data.updatePool.id);
      } else {
        const { data } = await create({ variables: { input } });
        if (data) onDone(data.createPool.id);
      }
    } catch {
      // Shown from the mutation's error state, beside the fields it names.
    }
  }

  const errors = formErrors(error, [
    'name',
    'description',
    'currency',
    'targetAmount',
    'minContribution',
    'maxInvestors',
  ]);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <TextInput
          label="Name"
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={
            (submitted && !values.name.trim() && 'Give the pool a name.') || errors.fields.name
          }
          required
          data-autofocus
        />
        <Textarea
          label="Description"
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.fields.description}
          autosize
          minRows={2}
        />
        <Select
          label="Currency"
          data={SUPPORTED_CURRENCIES}
          value={values.currency}
          onChange={(c) => c && set('currency', c)}
          searchable
          allowDeselect={false}
          disabled={currencyLocked}
          error={errors.fields.currency}
        />
        <Group grow align="flex-start">
          <AmountInput
            label="Target amount"
            currency={values.currency}
            value={values.targetAmount}
            onChange={(v) => set('targetAmount', v)}
            showErrors={submitted && values.targetAmount.trim() !== ''}
            serverError={errors.fields.targetAmount}
            description="Optional"
          />
          <AmountInput
            label="Minimum contribution"
            currency={values.currency}
            value={values.minContribution}
            onChange={(v) => set('minContribution', v)}
            showErrors={submitted && values.minContribution.trim() !== ''}
            serverError={(submitted && minAboveTarget) || errors.fields.minContribution}
            description="Optional"
          />
        </Group>
        <NumberInput
          label="Maximum investors"
          description="Optional"
          min={1}
          allowDecimal={false}
          value={values.maxInvestors}
          onChange={(v) => set('maxInvestors', typeof v === 'number' ? v : '')}
          error={errors.fields.maxInvestors}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {poolId ? 'Save changes' : 'Create pool'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
