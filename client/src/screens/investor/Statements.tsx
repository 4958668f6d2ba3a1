import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { saveCsv, savePdf } from '../../lib/csvDownload.ts';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formErrors } from '../../lib/errors.ts';
import { StatementTables } from './StatementTables.tsx';

export const InvestorStatementQuery = graphql(`
  query InvestorStatement($investorId: ID!, $from: DateTime, $to: DateTime) {
    investorStatement(investorId: $investorId, from: $from, to: $to) {
      from
      to
      csv
      investor {
        id
        name
      }
      lines {
        ...StatementLineFields
      }
    }
  }
`);

/** The PDF is made on request only (a button), not with every look at the statement. */
export const InvestorStatementPdfQuery = graphql(`
  query InvestorStatementPdf($investorId: ID!, $from: DateTime, $to: DateTime) {
    investorStatement(investorId: $investorId, from: $from, to: $to) {
      pdf
    }
  }
`);

/** Midnight UTC of a yyyy-mm-dd date, or null for an empty field. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00Z`).toISOString() : null);

/**
 * A capital account statement over a period, per pool: the investor's own (`/investor/statements`),
 * or, for a manager, one of their members' (`/manager/statements/:investorId`: the server shows
 * the manager only the lines of their own pools). CSV and PDF are the server's, with the same
 * figures as the screen.
 */
export function Statements() {
  const session = useSession();
  const { investorId: member } = useParams();
  const investorId = member ?? session?.user.id ?? '';
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = from && to && from >= to ? 'The end must be after the start.' : undefined;
  const variables = { investorId, from: dayStart(from), to: dayStart(to) };
  const { data, loading, error, refetch } = useQuery(InvestorStatementQuery, {
    variables,
    skip: !investorId || !!badRange,
    fetchPolicy: 'cache-and-network',
  });
  const [loadPdf, pdf] = useLazyQuery(InvestorStatementPdfQuery, { fetchPolicy: 'network-only' });
  const statement = data?.investorStatement;
  const name = member ? statement?.investor.name : undefined;
  useDocumentTitle(name ? `Statement of ${name}` : 'Statements');
  const empty = !statement || statement.lines.length === 0;
  const what = member ? `statement-${investorId.slice(0, 8)}` : 'statement';

  async function downloadPdf() {
    const { data: file } = await loadPdf({ variables }).catch(() => ({ data: undefined }));
    if (file) savePdf(what, file.investorStatement.pdf, { from, to });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{member ? `Statement${name ? ` of ${name}` : ''}` : 'Statements'}</Title>
          {member && (
            <Text size="sm" c="dimmed">
              Capital accounts in the pools you manage.
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => statement && saveCsv(what, statement.csv, { from, to })}
            disabled={empty}
          >
            Download CSV
          </Button>
          <Button onClick={() => void downloadPdf()} loading={pdf.loading} disabled={empty}>
            Download PDF
          </Button>
        </Group>
      </Group>
      {pdf.error && <FormAlert errors={formErrors(pdf.error)} />}
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
        <Loading label="Loading the statement…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : empty ? (
        <Empty title="Nothing in this period">Contributions and distributions show up here.</Empty>
      ) : (
        <StatementTables lines={statement.lines} />
      )}
    </Stack>
  );
}
