import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';

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
    if (!statement) return;
    const blob = new Blob([statement.csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `poolgraph-statement${from ? `-from-${from}` : ''}${to ? `-to-${to}` : ''}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
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
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Statement" data-testid="statement">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pool</Table.Th>
                <Table.Th ta="right">Opening</Table.Th>
                <Table.Th ta="right">Contributions</Table.Th>
                <Table.Th ta="right">Distributions</Table.Th>
                <Table.Th ta="right">Fees</Table.Th>
                <Table.Th ta="right">Withdrawals</Table.Th>
                <Table.Th ta="right">Closing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statement.lines.map((line) => (
                <Table.Tr key={line.pool.id} data-testid={`statement-${line.pool.id}`}>
                  <Table.Td>{line.pool.name}</Table.Td>
                  {[
                    line.openingBalance,
                    line.contributions,
                    line.distributions,
                    line.fees,
                    line.withdrawals,
                    line.closingBalance,
                  ].map((money, i) => (
                    <Table.Td ta="right" key={i} data-amount={money.amount}>
                      <MoneyText money={money} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
