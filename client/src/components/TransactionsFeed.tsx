import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type { TransactionRowFieldsFragment } from '../__generated__/graphql.ts';
import { DataTable, type Column } from './DataTable.tsx';
import { ListControls, ListPages, useListView, type ListView } from './ListControls.tsx';
import { Empty, ErrorState, Loading } from './States.tsx';
import { MoneyText } from './MoneyText.tsx';
import { formatMoment } from '../lib/dates.ts';
import { formatMoney } from '../lib/money.ts';
import type { ConfirmRequest } from './ConfirmDialog.tsx';

export const TransactionRowFields = graphql(`
  fragment TransactionRowFields on Transaction {
    id
    type
    carry
    status
    note
    occurredAt
    amount {
      amount
      currency
    }
    investor {
      id
      name
    }
  }
`);

export const PoolTransactionsQuery = graphql(`
  query PoolTransactions($poolId: ID!, $after: String) {
    pool(id: $poolId) {
      id
      transactions(first: 20, after: $after) {
        nodes {
          ...TransactionRowFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const CancelContributionMutation = graphql(`
  mutation CancelContribution($id: ID!) {
    cancelContribution(transactionId: $id) {
      ...TransactionRowFields
    }
  }
`);

const ConfirmPayoutMutation = graphql(`
  mutation ConfirmPayout($id: ID!) {
    confirmPayout(transactionId: $id) {
      ...TransactionRowFields
    }
  }
`);

const VoidPayoutMutation = graphql(`
  mutation VoidPayout($id: ID!) {
    voidPayout(transactionId: $id) {
      ...TransactionRowFields
    }
  }
`);

export const TransactionPostedSubscription = graphql(`
  subscription TransactionPosted($poolId: ID!) {
    transactionPosted(poolId: $poolId) {
      ...TransactionRowFields
    }
  }
`);

const TYPE_COLOR = {
  CONTRIBUTION: 'green',
  DISTRIBUTION: 'blue',
  FEE: 'grape',
  WITHDRAWAL: 'orange',
  PROCEEDS: 'teal',
};

type Row = TransactionRowFieldsFragment;
/** Money leaving the pool: shown with a minus sign. */
const OUTFLOW = new Set<Row['type']>(['DISTRIBUTION', 'FEE', 'WITHDRAWAL']);

const COLUMNS: Column<Row>[] = [
  { label: 'When', cell: (tx) => <Text size="sm">{formatMoment(tx.occurredAt)}</Text> },
  {
    label: 'Type',
    primary: true,
    cell: (tx) => (
      <Stack gap={2} component="span">
        <Group gap={4} wrap="wrap" component="span">
          <Badge variant="dot" color={TYPE_COLOR[tx.type]}>
            {tx.carry ? 'carry' : tx.type.toLowerCase()}
          </Badge>
          {tx.status !== 'POSTED' && (
            <Badge
              variant={tx.status === 'PENDING' ? 'filled' : 'outline'}
              // Filled yellow with black text: pending stands out and stays readable (AA).
              color={tx.status === 'PENDING' ? 'yellow.3' : 'gray'}
              c={tx.status === 'PENDING' ? 'black' : undefined}
            >
              {tx.status.toLowerCase()}
            </Badge>
          )}
        </Group>
        {/* What the money was, as the manager wrote it (proceeds). */}
        {tx.note && (
          <Text
            size="xs"
            c="dimmed"
            component="span"
            fw={400}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="transaction-note"
          >
            {tx.note}
          </Text>
        )}
      </Stack>
    ),
  },
  { label: 'Investor', cell: (tx) => tx.investor?.name ?? '—' },
  {
    label: 'Amount',
    align: 'right',
    cell: (tx) => <MoneyText money={tx.amount} outflow={OUTFLOW.has(tx.type)} />,
  },
];

/**
 * What the pool's manager can do with a pending transaction: end a contribution whose money has
 * not arrived (closing the pool and removing its investor wait for it), or say whether the bank
 * paid a payout out. Each goes through the confirmation dialog.
 */
function usePendingActions(confirm: (request: ConfirmRequest) => void) {
  const [cancel] = useMutation(CancelContributionMutation);
  const [paid] = useMutation(ConfirmPayoutMutation);
  const [voidIt] = useMutation(VoidPayoutMutation);
  return (tx: Row) => {
    if (tx.status !== 'PENDING') return null;
    const amount = formatMoney(tx.amount);
    const who = tx.investor?.name ?? 'the investor';
    if (tx.type === 'CONTRIBUTION') {
      return (
        <Button
          size="compact-xs"
          variant="default"
          onClick={() =>
            confirm({
              title: `Cancel ${who}'s ${amount} payment?`,
              body: 'A card payment is cancelled at the card provider (if it went through meanwhile, it posts instead). A bank transfer stops being expected; money that still arrives for it is held for a refund, never put into the pool.',
              confirmLabel: 'Cancel payment',
              danger: true,
              action: () => cancel({ variables: { id: tx.id } }),
            })
          }
        >
          Cancel
        </Button>
      );
    }
    return (
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          variant="default"
          onClick={() =>
            confirm({
              title: `Did the bank pay ${amount} to ${who}?`,
              body: 'The payout posts: the money leaves the pool cash and the member capital for good.',
              confirmLabel: 'It was paid',
              action: () => paid({ variables: { id: tx.id } }),
            })
          }
        >
          Paid
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() =>
            confirm({
              title: `Void the ${amount} payout to ${who}?`,
              body: 'The payout will not be made: its cash becomes spendable again and the member keeps the capital.',
              confirmLabel: 'Void payout',
              danger: true,
              action: () => voidIt({ variables: { id: tx.id } }),
            })
          }
        >
          Void
        </Button>
      </Group>
    );
  };
}

/**
 * The pool's transactions, newest first; new ones (and a pending payment's outcome) arrive live
 * on top. Search, filters and pages work over the pages loaded so far; "Load older" asks the
 * API for the next page. With `onConfirm` (the manager's page), pending ones get their actions.
 */
export function TransactionsFeed({
  poolId,
  onConfirm,
}: {
  poolId: string;
  onConfirm?: (request: ConfirmRequest) => void;
}) {
  const actions = usePendingActions(onConfirm ?? (() => undefined));
  const columns: Column<Row>[] = onConfirm
    ? [...COLUMNS, { label: 'Action', cell: (tx) => actions(tx) }]
    : COLUMNS;
  const { data, loading, error, refetch, fetchMore } = useQuery(PoolTransactionsQuery, {
    variables: { poolId },
  });
  const [live, setLive] = useState<Row[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [older, setOlder] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<{ hasNextPage: boolean; endCursor?: string | null }>();
  useSubscription(TransactionPostedSubscription, {
    variables: { poolId },
    onData: ({ data: event }) => {
      const tx = event.data?.transactionPosted;
      if (tx) setLive((rows) => [tx, ...rows.filter((r) => r.id !== tx.id)]);
    },
  });
  const page = data?.pool?.transactions;
  const seen = new Set<string>();
  const rows = [...live, ...(page?.nodes ?? []), ...older].filter((tx) =>
    seen.has(tx.id) ? false : (seen.add(tx.id), true),
  );
  const view = useListView(rows, {
    searchText: (tx) => `${tx.investor?.name ?? ''} ${tx.type} ${tx.status} ${tx.note ?? ''}`,
    sorts: {
      newest: { label: 'Newest first', compare: () => 0 },
      oldest: {
        label: 'Oldest first',
        compare: (a, b) => a.occurredAt.localeCompare(b.occurredAt),
      },
    },
    filters: {
      CONTRIBUTION: { label: 'Contributions', keep: (tx) => tx.type === 'CONTRIBUTION' },
      DISTRIBUTION: { label: 'Distributions', keep: (tx) => tx.type === 'DISTRIBUTION' },
      FEE: { label: 'Fees', keep: (tx) => tx.type === 'FEE' },
      PROCEEDS: { label: 'Proceeds', keep: (tx) => tx.type === 'PROCEEDS' },
      PENDING: { label: 'Pending', keep: (tx) => tx.status === 'PENDING' },
    },
    pageSize: 20,
  });

  if (loading && !data) return <Loading label="Loading transactions…" />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const pageInfo = cursor ?? page?.pageInfo;
  if (rows.length === 0) {
    return (
      <Empty title="No transactions yet">
        Contributions, distributions, fees and proceeds show here.
      </Empty>
    );
  }

  async function loadMore() {
    setLoadingMore(true);
    try {
      const result = await fetchMore({ variables: { after: pageInfo?.endCursor } });
      const next = result.data?.pool?.transactions;
      if (next) {
        setOlder((rows) => [...rows, ...next.nodes]);
        setCursor(next.pageInfo);
      }
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="transactions" aria-live="polite">
      <ListControls what="transactions" view={view as ListView<unknown>} />
      <DataTable label="Transactions" columns={columns} rows={view.page} rowKey={(tx) => tx.id} />
      <ListPages what="transactions" view={view as ListView<unknown>} />
      {pageInfo?.hasNextPage && (
        <Button variant="subtle" onClick={() => void loadMore()} loading={loadingMore}>
          Load older transactions
        </Button>
      )}
    </Stack>
  );
}
