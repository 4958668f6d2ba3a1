import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { saveCsv } from '../../lib/csvDownload.ts';
import { graphql } from '../../__generated__/gql.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { InvestorStatementQuery as InvestorStatementData } from '../../__generated__/graphql.ts';

export const InvestorStatementQuery = graphql(`
  query InvestorStatement($investorId: ID!, $from: DateTime, $to: DateTime) {
    investorStatement(investorId: $investorId, from: $from, to: $to) {
      from
      to
      csv
      lines {
        pool {
          id
          name
        }
        openingBalance {
          amount
          currency
        }
        contributions {
          amount
          currency
        }
        distributions {
          amount
          currency
        }
        fees {
          amount
          currency
        }
        withdrawals {
          amount
          currency
        }
        closingBalance {
          amount
          currency
        }
      }
    }
  }
`);

/** Midnight UTC of a yyyy-mm-dd date, or null for an empty field. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00Z`).toISOString() : null);

/** The investor's statement over a period, per pool, with the same figures as a CSV file. */
type Line = NonNullable<InvestorStatementData['investorStatement']>['lines'][number];

export function Statements() {
  useDocumentTitle('Statements');
  const session = useSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = from && to && from >= to ? 'The end must be after the start.' : undefined;
  const { data, loading, error, refetch } = useQuery(InvestorStatementQuery, {
    variables: { investorId: session?.user.id ?? '', from: dayStart(from), to: dayStart(to) },
    skip: !session || !!badRange,
    fetchPolicy: 'cache-and-network',
  });
  const statement = data?.investorStatement;

  function download() {
    if (statement) saveCsv('statement', statement.csv, { from, to });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Statements</Title>
        <Button onClick={download} disabled={!statement || statement.lines.length === 0}>
          Download CSV
        </Button>
      </Group>
      <Card withBorder padding="sm">
        <Group align="flex-start">
          <TextInput
            label="From"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label="To (exclusive)"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={badRange}
          />
        </Group>
      </Card>
      {loading && !data ? (
        <Loading label="Loading your statement…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !statement || statement.lines.length === 0 ? (
        <Empty title="Nothing in this period">Contributions and distributions show up here.</Empty>
      ) : (
        <DataTable
          label="Statement"
          rows={statement.lines}
          rowKey={(line) => line.pool.id}
          rowTestId={(line) => `statement-${line.pool.id}`}
          columns={[
            { label: 'Pool', primary: true, cell: (line) => line.pool.name },
            ...(
              [
                ['Opening', (l: Line) => l.openingBalance],
                ['Contributions', (l: Line) => l.contributions],
                ['Distributions', (l: Line) => l.distributions],
                ['Fees', (l: Line) => l.fees],
                ['Withdrawals', (l: Line) => l.withdrawals],
                ['Closing', (l: Line) => l.closingBalance],
              ] as const
            ).map(([label, pick]) => ({
              label,
              align: 'right' as const,
              cell: (line: Line) => (
                <MoneyText money={pick(line)} data-amount={pick(line).amount} />
              ),
            })),
          ]}
        />
      )}
    </Stack>
  );
}
