import { useMutation } from '@apollo/client/react';
import { Badge, Button, FileInput, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type { BankStatementOutcome } from '../__generated__/graphql.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { formErrors } from '../lib/errors.ts';
import { toast } from '../lib/toast.ts';

const ImportBankStatementMutation = graphql(`
  mutation ImportBankStatement($poolId: ID!, $csv: String!) {
    importBankStatement(poolId: $poolId, csv: $csv) {
      line
      reference
      outcome
      detail
    }
  }
`);

/** The server's limit (importBankStatement), checked here first so a large file is not sent. */
const MAX_BYTES = 500_000;

const OUTCOME: Record<BankStatementOutcome, { label: string; color: string }> = {
  POSTED: { label: 'Posted', color: 'green' },
  PARTIAL: { label: 'Partly posted', color: 'green' },
  HELD: { label: 'Held for a refund', color: 'yellow' },
  ALREADY: { label: 'Already recorded', color: 'gray' },
  UNMATCHED: { label: 'No match', color: 'red' },
  REFUSED: { label: 'Refused', color: 'red' },
};

/**
 * The manager imports the pool's bank statement (a CSV file from the bank): every line is
 * matched to the pool's bank-transfer contributions, and the answer says what became of each.
 * Importing the same file again changes nothing, so a statement can be imported as it grows.
 */
export function BankStatementImport({ poolId }: { poolId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importStatement, { data, loading, error }] = useMutation(ImportBankStatementMutation, {
    refetchQueries: ['PoolPage', 'PoolTransactions'],
  });
  const errors = formErrors(error, ['csv']);
  const lines = data?.importBankStatement;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblem('Choose the statement file (CSV) your bank exported.');
    if (file.size > MAX_BYTES) {
      return setProblem('The file is larger than 500 kB: import the statement in parts.');
    }
    setProblem(null);
    const result = await importStatement({
      variables: { poolId, csv: await file.text() },
    }).catch(() => null);
    const answered = result?.data?.importBankStatement;
    if (answered) {
      const matched = answered.filter((l) => l.outcome !== 'UNMATCHED' && l.outcome !== 'REFUSED');
      toast({
        color: matched.length === answered.length ? 'green' : 'yellow',
        message: `Statement imported: ${matched.length} of ${answered.length} lines matched.`,
      });
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormAlert errors={errors} />
        <Text size="sm" c="dimmed">
          A CSV with the columns date, reference, amount and currency, and transfer_id when your
          bank gives one. Each transfer is recorded once, however often the file is imported; money
          a contribution did not take is held in suspense for a refund.
        </Text>
        <FileInput
          label="Bank statement (CSV)"
          placeholder="Choose a file"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          error={problem ?? errors.fields.csv}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
          required
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            Import statement
          </Button>
        </Group>
        {lines && (
          <Stack gap="xs" role="list" aria-label="Statement lines">
            {lines.map((l) => (
              <Paper key={l.line} withBorder p="xs" role="listitem">
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c="dimmed">
                    Line {l.line}
                  </Text>
                  <Text size="sm" ff="monospace">
                    {l.reference}
                  </Text>
                  <Badge variant="light" color={OUTCOME[l.outcome].color} miw="max-content">
                    {OUTCOME[l.outcome].label}
                  </Badge>
                </Group>
                <Text size="sm">{l.detail}</Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </form>
  );
}
