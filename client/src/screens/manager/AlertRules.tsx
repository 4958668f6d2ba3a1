import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { toast } from '../../lib/toast.ts';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import type { AlertRuleFieldsFragment } from '../../__generated__/graphql.ts';
import { AmountInput } from '../../components/AmountInput.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formErrors } from '../../lib/errors.ts';
import { decimalFromInput, parseAmountInput } from '../../lib/money.ts';
import { ManagerDashboardQuery } from './Dashboard.tsx';
import { WebhookSettings } from './WebhookSettings.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';

export const AlertRuleFields = graphql(`
  fragment AlertRuleFields on AlertRule {
    id
    kind
    enabled
    isDefault
    threshold {
      amount
      currency
    }
    spikeFactor
    windowSeconds
    baselineSeconds
    minCount
  }
`);
export const AlertRulesQuery = graphql(`
  query AlertRules($poolId: ID!) {
    alertRules(poolId: $poolId) {
      ...AlertRuleFields
    }
  }
`);
const SetAlertRuleMutation = graphql(`
  mutation SetAlertRule($input: AlertRuleInput!) {
    setAlertRule(input: $input) {
      ...AlertRuleFields
    }
  }
`);

function RuleForm({
  poolId,
  currency,
  rule,
}: {
  poolId: string;
  currency: string;
  rule: AlertRuleFieldsFragment;
}) {
  const [enabled, setEnabled] = useState(rule.enabled);
  const [threshold, setThreshold] = useState(rule.threshold?.amount ?? '');
  const [spike, setSpike] = useState({
    spikeFactor: rule.spikeFactor ?? 10,
    windowSeconds: rule.windowSeconds ?? 300,
    baselineSeconds: rule.baselineSeconds ?? 3600,
    minCount: rule.minCount ?? 5,
  });
  const [submitted, setSubmitted] = useState(false);
  const [save, { loading, error }] = useMutation(SetAlertRuleMutation, {
    refetchQueries: ['AlertRules'],
  });
  const errors = formErrors(error);
  const large = rule.kind === 'LARGE_TRANSACTION';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (large && !parseAmountInput(threshold, currency).ok) return;
    const input = large
      ? {
          poolId,
          kind: rule.kind,
          enabled,
          threshold: decimalFromInput(threshold, currency) ?? threshold,
        }
      : { poolId, kind: rule.kind, enabled, ...spike };
    const result = await save({ variables: { input } }).catch(() => null);
    if (result?.data) toast({ color: 'green', message: 'Rule saved.' });
  }

  const numberField = (key: keyof typeof spike, label: string, decimals = false) => (
    <NumberInput
      label={label}
      min={decimals ? 1 : 1}
      allowDecimal={decimals}
      value={spike[key]}
      onChange={(v) => typeof v === 'number' && setSpike((s) => ({ ...s, [key]: v }))}
      error={errors.fields[key]}
    />
  );

  return (
    <Card withBorder padding="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Group justify="space-between">
            <Text fw={700}>{large ? 'Large transaction' : 'Transaction spike'}</Text>
            {rule.isDefault && <Badge variant="dot">default</Badge>}
          </Group>
          <FormAlert errors={errors} />
          <Switch
            label="Enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          {large ? (
            <AmountInput
              label="Alert above"
              currency={currency}
              value={threshold}
              onChange={setThreshold}
              showErrors={submitted}
              serverError={errors.fields.threshold}
            />
          ) : (
            <SimpleGrid cols={2}>
              {numberField('spikeFactor', 'Times the usual rate', true)}
              {numberField('minCount', 'At least (transactions)')}
              {numberField('windowSeconds', 'Window (seconds)')}
              {numberField('baselineSeconds', 'Baseline (seconds)')}
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              Save rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The alert rules of one pool, and the manager's webhooks. */
export function AlertRules() {
  useDocumentTitle('Alert rules');
  const pools = useQuery(ManagerDashboardQuery);
  const [poolId, setPoolId] = useState<string | null>(null);
  useEveryPage(pools.data?.me?.managedPoolsConnection, pools.fetchMore);
  const list = nodesOf(pools.data?.me?.managedPoolsConnection);
  const selected = list.find((p) => p.id === poolId) ?? list[0];
  const rules = useQuery(AlertRulesQuery, {
    variables: { poolId: selected?.id ?? '' },
    skip: !selected,
  });

  return (
    <Stack>
      <Title order={2}>Alert rules</Title>
      {pools.loading && !pools.data ? (
        <Loading />
      ) : pools.error && !pools.data ? (
        <ErrorState error={pools.error} retry={() => void pools.refetch()} />
      ) : !selected ? (
        <Empty title="No pools yet">Rules belong to a pool: create one first.</Empty>
      ) : (
        <>
          <Select
            label="Pool"
            data={list.map((p) => ({ value: p.id, label: p.name }))}
            value={selected.id}
            onChange={setPoolId}
            allowDeselect={false}
            maw={360}
          />
          {rules.loading && !rules.data ? (
            <Loading label="Loading rules…" />
          ) : rules.error && !rules.data ? (
            <ErrorState error={rules.error} retry={() => void rules.refetch()} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {(rules.data?.alertRules ?? []).map((rule) => (
                <RuleForm
                  key={`${selected.id}:${rule.id}`}
                  poolId={selected.id}
                  currency={selected.currency}
                  rule={rule}
                />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
      <WebhookSettings />
    </Stack>
  );
}
