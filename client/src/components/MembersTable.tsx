import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../__generated__/gql.ts';
import type { MemberRowFieldsFragment } from '../__generated__/graphql.ts';
import { Empty } from './States.tsx';
import { toMinor } from '../lib/money.ts';
import type { ConfirmRequest } from './ConfirmDialog.tsx';
import { DataTable, type Column } from './DataTable.tsx';
import { ListControls, ListPages, useListView, type ListView } from './ListControls.tsx';
import { MoneyText } from './MoneyText.tsx';

export const MemberRowFields = graphql(`
  fragment MemberRowFields on Membership {
    id
    investor {
      id
      name
    }
    commitment {
      amount
      currency
    }
    outstanding {
      amount
      currency
    }
    position {
      contributed {
        amount
        currency
      }
      distributed {
        amount
        currency
      }
      proceeds {
        amount
        currency
      }
      fees {
        amount
        currency
      }
      capital {
        amount
        currency
      }
      pending {
        amount
        currency
      }
    }
    ...DistributionMemberFields
  }
`);

const RemoveMemberMutation = graphql(`
  mutation RemoveMember($poolId: ID!, $investorId: ID!) {
    removeMember(poolId: $poolId, investorId: $investorId) {
      id
      memberCount
    }
  }
`);

type Member = MemberRowFieldsFragment;
const minor = (money: { amount: string; currency: string }) =>
  toMinor(money.amount, money.currency);
const byAmount =
  (pick: (m: Member) => { amount: string; currency: string }) => (a: Member, b: Member) => {
    const d = minor(pick(b)) - minor(pick(a));
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  };

const money = (label: string, pick: (m: Member) => { amount: string; currency: string }) => ({
  label,
  align: 'right' as const,
  cell: (m: Member) => <MoneyText money={pick(m)} />,
});

/**
 * The pool's members and their positions, searchable and sortable; a member with no capital
 * left can be removed (after a confirmation saying what it does).
 */
export function MembersTable({
  members,
  poolId,
  onConfirm,
}: {
  members: readonly Member[];
  poolId: string;
  onConfirm: (request: ConfirmRequest) => void;
}) {
  const [removeMember] = useMutation(RemoveMemberMutation, { refetchQueries: ['PoolPage'] });
  const view = useListView(members, {
    searchText: (m) => m.investor.name,
    sorts: {
      name: { label: 'Name', compare: (a, b) => a.investor.name.localeCompare(b.investor.name) },
      commitment: { label: 'Commitment', compare: byAmount((m) => m.commitment) },
      capital: { label: 'Capital', compare: byAmount((m) => m.position.capital) },
      outstanding: { label: 'Outstanding call', compare: byAmount((m) => m.outstanding) },
    },
    filters: {
      outstanding: { label: 'Owing a call', keep: (m) => minor(m.outstanding) > 0n },
      pending: { label: 'Payment pending', keep: (m) => minor(m.position.pending) > 0n },
    },
  });
  if (members.length === 0) {
    return <Empty title="No members yet">Investors appear here once they join the pool.</Empty>;
  }
  const columns: Column<Member>[] = [
    {
      label: 'Investor',
      primary: true,
      cell: (m) => (
        <Text size="sm" fw={500} component="span">
          {m.investor.name}
        </Text>
      ),
    },
    money('Commitment', (m) => m.commitment),
    money('Contributed', (m) => m.position.contributed),
    money('Pending', (m) => m.position.pending),
    money('Proceeds', (m) => m.position.proceeds),
    money('Distributed', (m) => m.position.distributed),
    money('Fees', (m) => m.position.fees),
    money('Capital', (m) => m.position.capital),
    money('Outstanding call', (m) => m.outstanding),
    {
      label: 'Actions',
      align: 'right',
      cell: (m) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            component={Link}
            to={`/manager/statements/${m.investor.id}`}
            aria-label={`Statement of ${m.investor.name}`}
          >
            Statement
          </Button>
          {minor(m.position.capital) === 0n && minor(m.position.pending) === 0n ? (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`Remove ${m.investor.name}`}
              onClick={() =>
                onConfirm({
                  title: `Remove ${m.investor.name}?`,
                  body: `${m.investor.name} leaves the pool: their commitment ends and their unpaid capital calls are released. Their past transactions stay in the pool's history. They could join again only while the pool is open.`,
                  confirmLabel: 'Remove member',
                  danger: true,
                  action: () => removeMember({ variables: { poolId, investorId: m.investor.id } }),
                })
              }
            >
              Remove
            </Button>
          ) : (
            <Text size="xs" c="dimmed" component="span">
              Has capital
            </Text>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      <ListControls what="members" view={view as ListView<unknown>} />
      <DataTable
        label="Members and their positions"
        columns={columns}
        rows={view.page}
        rowKey={(m) => m.id}
        rowTestId={(m) => `member-${m.investor.id}`}
      />
      <ListPages what="members" view={view as ListView<unknown>} />
    </Stack>
  );
}
