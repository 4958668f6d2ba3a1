import { useMutation } from '@apollo/client/react';
import {
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  Radio,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';

const CreatePartnerKeyMutation = graphql(`
  mutation CreatePartnerKey($input: PartnerKeyInput!) {
    createPartnerKey(input: $input) {
      apiKey {
        ...PartnerKeyFields
      }
      secret
    }
  }
`);

/** The scopes a manager holds, so may give a key (auth: SCOPES_BY_ROLE). */
const MANAGER_SCOPES = [
  { value: 'pools:read', label: 'Read the pools and their members' },
  { value: 'ledger:read', label: 'Read balances, positions and transactions' },
  { value: 'reports:read', label: 'Read reports' },
  { value: 'ledger:write', label: 'Record contributions received off the platform' },
];

/** The end of the chosen day in the manager's own time zone, as the API takes it. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

/** Issues a key for some or all of the manager's pools; hands the secret up, once. */
export function PartnerKeyForm({
  pools,
  onCreated,
}: {
  pools: ReadonlyArray<{ id: string; name: string }>;
  onCreated: (secret: string) => void;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['pools:read']);
  const [which, setWhich] = useState<'all' | 'some'>('all');
  const [poolIds, setPoolIds] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [create, { loading, error }] = useMutation(CreatePartnerKeyMutation, {
    refetchQueries: ['PartnerKeys'],
  });
  const today = new Date().toISOString().slice(0, 10);
  const problems = {
    name:
      name.trim().length === 0
        ? 'Name the key after who uses it.'
        : name.trim().length > 100
          ? 'Use at most 100 characters.'
          : undefined,
    scopes: scopes.length === 0 ? 'Choose at least one scope.' : undefined,
    poolIds: which === 'some' && poolIds.length === 0 ? 'Choose at least one pool.' : undefined,
    expiresAt: expiresOn && expiresOn < today ? 'Choose today or a later day.' : undefined,
    note: note.trim().length > 500 ? 'Use at most 500 characters.' : undefined,
  };
  const errors = formErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean)) return;
    const input = {
      name: name.trim(),
      scopes,
      poolIds: which === 'some' ? poolIds : null,
      expiresAt: expiresOn ? endOfDay(expiresOn) : null,
      note: note.trim() || null,
    };
    const result = await create({ variables: { input } }).catch(() => null);
    if (result?.data) {
      onCreated(result.data.createPartnerKey.secret);
      setName('');
      setPoolIds([]);
      setExpiresOn('');
      setNote('');
      setSubmitted(false);
    }
  }

  const shown = (field: keyof typeof problems) =>
    (submitted && problems[field]) || errors.fields[field];
  return (
    <Card withBorder padding="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={3}>New partner key</Title>
          <FormAlert errors={errors} />
          <TextInput
            label="Name"
            description="Who uses it, e.g. your fund administrator or CRM"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={shown('name')}
            required
          />
          <Radio.Group
            label="Pools"
            value={which}
            onChange={(value) => setWhich(value === 'some' ? 'some' : 'all')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="all" label="All my pools, including ones I create later" />
              <Radio value="some" label="Only the pools I choose" />
            </Stack>
          </Radio.Group>
          {which === 'some' && (
            <MultiSelect
              label="Choose pools"
              data={pools.map((pool) => ({ value: pool.id, label: pool.name }))}
              value={poolIds}
              onChange={setPoolIds}
              error={shown('poolIds')}
              searchable
            />
          )}
          <Checkbox.Group
            label="Scopes"
            value={scopes}
            onChange={setScopes}
            error={shown('scopes')}
          >
            <Stack gap={6} mt={6}>
              {MANAGER_SCOPES.map((scope) => (
                <Checkbox
                  key={scope.value}
                  value={scope.value}
                  label={
                    <>
                      <Code>{scope.value}</Code> {scope.label}
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            type="date"
            label="Expires"
            description="Leave empty for a key that works until you revoke it"
            min={today}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={shown('expiresAt')}
          />
          <Textarea
            label="Note"
            description="For your records: what it is for, whom to ask"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={shown('note')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
