import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import { MembersTable } from '../../components/MembersTable.tsx';
import { CapitalCallForm, MoneyForm } from '../../components/MoneyActions.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { NextManagementFee } from '../../components/NextManagementFee.tsx';
import { ProceedsForm } from '../../components/ProceedsForm.tsx';
import { PoolBalanceSubscription, STATUS_COLOR } from '../../components/PoolCard.tsx';
import { PoolForm } from '../../components/PoolForm.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { TransactionsFeed } from '../../components/TransactionsFeed.tsx';
import { formErrors } from '../../lib/errors.ts';
import { toMinor } from '../../lib/money.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formatDay } from '../../lib/dates.ts';
import { nodesOf, useEveryPage } from '../../lib/connections.ts';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog.tsx';
import { BankStatementImport } from '../../payments/BankStatementImport.tsx';
import { BankTransferReceivedForm } from '../../payments/BankTransferReceivedForm.tsx';
import { HeldMoney } from '../../components/HeldMoney.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { PerformancePanel } from './PerformancePanel.tsx';
import { TermsPanel } from './TermsPanel.tsx';

export const PoolPageQuery = graphql(`
  query PoolPage($id: ID!, $after: String) {
    pool(id: $id) {
      ...PoolCardFields
      description
      totalFees {
        amount
        currency
      }
      pendingContributions {
        amount
        currency
      }
      suspense {
        amount
        currency
      }
      minContribution {
        amount
        currency
      }
      maxInvestors
      membersConnection(first: 500, after: $after) {
        edges {
          node {
            ...MemberRowFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      capitalCallsConnection(first: 200) {
        edges {
          node {
            id
            percent
            dueDate
            totalCalled {
              amount
              currency
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

const OpenPoolMutation = graphql(`
  mutation OpenPool($id: ID!) {
    openPool(id: $id) {
      id
      status
    }
  }
`);
const ClosePoolMutation = graphql(`
  mutation ClosePool($id: ID!) {
    closePool(id: $id) {
      id
      status
    }
  }
`);

const ArchivePoolMutation = graphql(`
  mutation ArchivePool($id: ID!) {
    archivePool(id: $id) {
      id
      status
    }
  }
`);

type Dialog =
  | 'edit'
  | 'transfer'
  | 'statement'
  | 'contribution'
  | 'call'
  | 'distribution'
  | 'fee'
  | 'proceeds'
  | null;
const TITLES = {
  edit: 'Edit pool',
  transfer: 'Bank transfer received',
  statement: 'Import a bank statement',
  contribution: 'Record a contribution',
  call: 'Call capital',
  distribution: 'Distribute to members',
  fee: 'Charge a fee',
  proceeds: 'Record proceeds',
};

export function PoolPage() {
  const { poolId = '' } = useParams();
  const { data, loading, error, refetch, fetchMore } = useQuery(PoolPageQuery, {
    variables: { id: poolId },
  });
  const client = useApolloClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [openPool, opening] = useMutation(OpenPoolMutation);
  const [closePool] = useMutation(ClosePoolMutation);
  const [archivePool] = useMutation(ArchivePoolMutation);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const pool = data?.pool;
  // Every member: the table, the counts and the money forms work on the whole pool.
  useEveryPage(pool?.membersConnection, fetchMore);
  const members = nodesOf(pool?.membersConnection);
  // A pool's calls add up to at most 100%: the first page (200) holds them in practice.
  const calls = nodesOf(pool?.capitalCallsConnection);
  useDocumentTitle(pool?.name ?? 'Pool');
  // Figures update from the event; positions are refetched (they are per member).
  useSubscription(PoolBalanceSubscription, {
    variables: { poolId },
    skip: !pool || pool.status === 'DRAFT',
    // The next management fee too: its basis, its shares, or the charge itself may have posted.
    onData: () => void client.refetchQueries({ include: ['PoolPage', 'NextManagementFee'] }),
  });

  if (loading && !data) return <Loading label="Loading the pool…" />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!pool)
    return <Empty title="Pool not found">It may have been removed, or it is not yours.</Empty>;

  const lifecycleError = formErrors(opening.error).form;
  const hasMoney = toMinor(pool.cashBalance.amount, pool.currency) > 0n;
  const canMove = pool.status === 'OPEN' || pool.status === 'CLOSED';
  const close = () => setDialog(null);

  return (
    <Stack>
      <Anchor component={Link} to="/manager" size="sm">
        ← All pools
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{pool.name}</Title>
            <Badge color={STATUS_COLOR[pool.status]} variant="dot" data-testid="pool-status">
              {pool.status.toLowerCase()}
            </Badge>
          </Group>
          {pool.description && <Text c="dimmed">{pool.description}</Text>}
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDialog('edit')}>
            Edit
          </Button>
          {pool.status === 'DRAFT' && (
            <Button
              loading={opening.loading}
              onClick={() => void openPool({ variables: { id: pool.id } }).catch(() => undefined)}
            >
              Open pool
            </Button>
          )}
          {pool.status === 'OPEN' && (
            <Button
              variant="default"
              onClick={() =>
                setConfirming({
                  title: `Close ${pool.name}?`,
                  body: 'No investor can join or pay in once it is closed, and it leaves the list of open pools. Members keep their positions; you can still record money received, call capital, distribute and charge fees. Payments still pending must post or be cancelled first (Transactions tab). A closed pool cannot be opened again.',
                  confirmLabel: 'Close pool',
                  action: () => closePool({ variables: { id: pool.id } }),
                })
              }
            >
              Close pool
            </Button>
          )}
          {pool.status === 'CLOSED' && (
            <Button
              variant="default"
              color="red"
              onClick={() =>
                setConfirming({
                  title: `Archive ${pool.name}?`,
                  body: 'The pool becomes read-only for good: no more capital calls, distributions, fees or contributions. It must hold no cash, no pending money and nothing held for a refund. Its history and statements stay available.',
                  confirmLabel: 'Archive pool',
                  danger: true,
                  action: () => archivePool({ variables: { id: pool.id } }),
                })
              }
            >
              Archive pool
            </Button>
          )}
        </Group>
      </Group>
      {lifecycleError && (
        <Alert color="red" role="alert">
          {lifecycleError}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[
          ['Cash', pool.cashBalance, 'pool-page-cash'],
          ['Contributed', pool.totalContributed, 'pool-page-contributed'],
          ['Proceeds', pool.totalProceeds, 'pool-page-proceeds'],
          ['Distributed', pool.totalDistributed, 'pool-page-distributed'],
          ['Fees', pool.totalFees, 'pool-page-fees'],
          ['Pending', pool.pendingContributions, 'pool-page-pending'],
          ['Target', pool.targetAmount, 'pool-page-target'],
        ].map(([label, money, testId]) => (
          <Card withBorder key={label as string} padding="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label as string}
            </Text>
            <Text fw={600} size="lg" data-testid={testId as string}>
              <MoneyText money={money as { amount: string; currency: string } | null} />
            </Text>
          </Card>
        ))}
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Open alerts
          </Text>
          <Anchor component={Link} to="/manager/alerts" fw={600} size="lg">
            {pool.openAlertCount}
          </Anchor>
        </Card>
      </SimpleGrid>
      <HeldMoney poolId={pool.id} suspense={pool.suspense} onConfirm={setConfirming} />
      {pool.status !== 'DRAFT' && <NextManagementFee poolId={pool.id} />}
      {canMove && (
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => setDialog('contribution')}
            disabled={members.length === 0}
          >
            Record contribution
          </Button>
          <Button
            variant="default"
            onClick={() => setDialog('transfer')}
            disabled={toMinor(pool.pendingContributions.amount, pool.currency) === 0n}
          >
            Transfer received
          </Button>
          <Button variant="default" onClick={() => setDialog('statement')}>
            Import statement
          </Button>
          <Button
            variant="default"
            onClick={() => setDialog('call')}
            disabled={members.length === 0}
          >
            Capital call
          </Button>
          <Button variant="default" onClick={() => setDialog('distribution')} disabled={!hasMoney}>
            Distribution
          </Button>
          <Button variant="default" onClick={() => setDialog('fee')} disabled={!hasMoney}>
            Fee
          </Button>
          <Button
            variant="default"
            onClick={() => setDialog('proceeds')}
            disabled={members.length === 0}
          >
            Record proceeds
          </Button>
        </Group>
      )}
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">Members ({members.length})</Tabs.Tab>
          <Tabs.Tab value="transactions">Transactions</Tabs.Tab>
          <Tabs.Tab value="calls">
            Capital calls ({calls.length}
            {pool.capitalCallsConnection.pageInfo.hasNextPage ? '+' : ''})
          </Tabs.Tab>
          <Tabs.Tab value="invitations">Invitations</Tabs.Tab>
          <Tabs.Tab value="terms">Terms</Tabs.Tab>
          <Tabs.Tab value="performance">Performance</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersTable members={members} poolId={pool.id} onConfirm={setConfirming} />
        </Tabs.Panel>
        <Tabs.Panel value="transactions" pt="md">
          <TransactionsFeed poolId={pool.id} onConfirm={setConfirming} />
        </Tabs.Panel>
        <Tabs.Panel value="calls" pt="md">
          {calls.length === 0 ? (
            <Empty title="No capital calls">Call a share of the members' commitments.</Empty>
          ) : (
            <Stack gap="xs">
              {calls.map((c) => (
                <Card withBorder key={c.id} padding="sm">
                  <Group justify="space-between">
                    <Text>
                      {c.percent}% due {formatDay(c.dueDate)}
                    </Text>
                    <MoneyText money={c.totalCalled} fw={600} />
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsPanel poolId={pool.id} onConfirm={setConfirming} />
        </Tabs.Panel>
        <Tabs.Panel value="terms" pt="md">
          <TermsPanel poolId={pool.id} />
        </Tabs.Panel>
        <Tabs.Panel value="performance" pt="md">
          <PerformancePanel poolId={pool.id} currency={pool.currency} canRecord />
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog ? TITLES[dialog] : ''}
        size="lg"
      >
        {dialog === 'edit' && (
          <PoolForm
            poolId={pool.id}
            currencyLocked={hasMoney}
            initial={{
              name: pool.name,
              description: pool.description ?? '',
              currency: pool.currency,
              targetAmount: pool.targetAmount?.amount ?? '',
              minContribution: pool.minContribution?.amount ?? '',
              maxInvestors: pool.maxInvestors ?? '',
            }}
            onDone={close}
          />
        )}
        {dialog === 'call' && <CapitalCallForm poolId={pool.id} onDone={close} />}
        {dialog === 'proceeds' && (
          <ProceedsForm
            poolId={pool.id}
            poolName={pool.name}
            currency={pool.currency}
            members={members}
            onDone={close}
          />
        )}
        {dialog === 'transfer' && (
          <BankTransferReceivedForm currency={pool.currency} onDone={close} />
        )}
        {dialog === 'statement' && <BankStatementImport poolId={pool.id} />}
        {(dialog === 'contribution' || dialog === 'distribution' || dialog === 'fee') && (
          <MoneyForm
            kind={dialog}
            poolId={pool.id}
            currency={pool.currency}
            members={members}
            onDone={close}
          />
        )}
      </Modal>
      <ConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
