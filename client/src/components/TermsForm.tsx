import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type {
  CatchUp,
  FeeBasis,
  FeeFrequency,
  HurdleCompounding,
  PoolTermsFieldsFragment,
} from '../__generated__/graphql.ts';
import { formErrors } from '../lib/errors.ts';
import { toast } from '../lib/toast.ts';
import { FormAlert } from './FormAlert.tsx';

const SetPoolTermsMutation = graphql(`
  mutation SetPoolTerms($poolId: ID!, $input: PoolTermsInput!) {
    setPoolTerms(poolId: $poolId, input: $input) {
      id
      terms {
        ...PoolTermsFields
      }
    }
  }
`);

/** Percent as typed (2.5) to whole basis points (250); null when it has more than 2 decimals. */
function toBps(percent: number | ''): number | null {
  if (percent === '') return 0;
  const bps = Math.round(percent * 100);
  return Math.abs(bps - percent * 100) < 1e-6 ? bps : null;
}

/** The fields the server may name (formErrors keys them by the last segment of input.x). */
const FIELDS = ['managementFeeBps', 'carryBps', 'hurdleBps', 'feeHolidayMonths', 'catchUp'];

/**
 * Sets or changes a pool's fund terms. Rates are typed as percentages with at most two decimals
 * and sent as basis points; the server checks the bounds and names the field it refuses.
 */
export function TermsForm({
  poolId,
  current,
  onDone,
}: {
  poolId: string;
  current: PoolTermsFieldsFragment | null;
  onDone: () => void;
}) {
  const [fee, setFee] = useState<number | ''>(current ? current.managementFeeBps / 100 : 2);
  const [basis, setBasis] = useState<FeeBasis>(current?.feeBasis ?? 'COMMITMENTS');
  const [frequency, setFrequency] = useState<FeeFrequency>(current?.feeFrequency ?? 'ANNUAL');
  const [holiday, setHoliday] = useState<number | ''>(current?.feeHolidayMonths ?? 0);
  const [carry, setCarry] = useState<number | ''>(current ? current.carryBps / 100 : 20);
  const [hurdle, setHurdle] = useState<number | ''>(current ? current.hurdleBps / 100 : 8);
  const [compounding, setCompounding] = useState<HurdleCompounding>(
    current?.hurdleCompounding ?? 'SIMPLE',
  );
  const [catchUp, setCatchUp] = useState<CatchUp>(current?.catchUp ?? 'FULL');
  const [setTerms, { loading, error }] = useMutation(SetPoolTermsMutation, {
    refetchQueries: ['PoolTermsPanel'],
  });
  const errors = formErrors(error, FIELDS);
  const [local, setLocal] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const [feeBps, carryBps, hurdleBps] = [toBps(fee), toBps(carry), toBps(hurdle)];
    if (feeBps === null || carryBps === null || hurdleBps === null) {
      return setLocal('Rates take at most two decimals (2.25 %).');
    }
    setLocal(null);
    const input = {
      managementFeeBps: feeBps,
      feeBasis: basis,
      feeFrequency: frequency,
      feeHolidayMonths: holiday === '' ? 0 : holiday,
      carryBps,
      hurdleBps,
      hurdleCompounding: compounding,
      catchUp,
    };
    try {
      await setTerms({ variables: { poolId, input } });
      toast({ color: 'green', message: 'Terms saved as a new version.' });
      onDone();
    } catch {
      // shown below
    }
  }

  const percent = (label: string, value: number | '', set: (v: number | '') => void) => ({
    label,
    value,
    min: 0,
    decimalScale: 2,
    suffix: ' %',
    onChange: (v: string | number) => set(typeof v === 'number' ? v : ''),
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        {local && (
          <Text c="red" size="sm" role="alert">
            {local}
          </Text>
        )}
        <Text size="sm" fw={600}>
          Management fee
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            {...percent('Rate', fee, setFee)}
            error={errors.fields['managementFeeBps']}
          />
          <Select
            label="Of"
            data={[
              { value: 'COMMITMENTS', label: 'Commitments' },
              { value: 'INVESTED_CAPITAL', label: 'Invested capital' },
            ]}
            value={basis}
            onChange={(v) => v && setBasis(v as FeeBasis)}
            allowDeselect={false}
          />
          <Select
            label="Charged"
            data={[
              { value: 'ONCE', label: 'Once' },
              { value: 'ANNUAL', label: 'Every year' },
              { value: 'QUARTERLY', label: 'Every quarter (a quarter of the yearly rate)' },
            ]}
            value={frequency}
            onChange={(v) => v && setFrequency(v as FeeFrequency)}
            allowDeselect={false}
          />
          <NumberInput
            label="Fee holiday (months from opening)"
            min={0}
            max={120}
            allowDecimal={false}
            value={holiday}
            onChange={(v) => setHoliday(typeof v === 'number' ? v : '')}
            error={errors.fields['feeHolidayMonths']}
          />
        </SimpleGrid>
        <Text size="sm" fw={600}>
          Carried interest
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput {...percent('Carry', carry, setCarry)} error={errors.fields['carryBps']} />
          <NumberInput
            {...percent('Preferred return (a year)', hurdle, setHurdle)}
            error={errors.fields['hurdleBps']}
          />
          <Select
            label="Preferred return grows"
            data={[
              { value: 'SIMPLE', label: 'Simple' },
              { value: 'COMPOUND', label: 'Compounding yearly' },
            ]}
            value={compounding}
            onChange={(v) => v && setCompounding(v as HurdleCompounding)}
            allowDeselect={false}
          />
          <Select
            label="Catch-up"
            data={[
              { value: 'NONE', label: 'None' },
              { value: 'FULL', label: 'Full catch-up' },
            ]}
            value={catchUp}
            onChange={(v) => v && setCatchUp(v as CatchUp)}
            allowDeselect={false}
            error={errors.fields['catchUp']}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          The carry goes to you, the pool's manager. After the pool opens, every change is kept as a
          new version with who made it and when, and members see the terms in force.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            Save terms
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
