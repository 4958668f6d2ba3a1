import { Table, Text } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import type { MemberRowFieldsFragment } from '../__generated__/graphql.ts';
import { Empty } from './States.tsx';
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
      fees {
        amount
        currency
      }
      capital {
        amount
        currency
      }
    }
    ...DistributionMemberFields
  }
`);

export function MembersTable({ members }: { members: readonly MemberRowFieldsFragment[] }) {
  if (members.length === 0) {
    return <Empty title="No members yet">Investors appear here once they join the pool.</Empty>;
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label="Members and their positions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Investor</Table.Th>
            <Table.Th ta="right">Commitment</Table.Th>
            <Table.Th ta="right">Contributed</Table.Th>
            <Table.Th ta="right">Distributed</Table.Th>
            <Table.Th ta="right">Fees</Table.Th>
            <Table.Th ta="right">Capital</Table.Th>
            <Table.Th ta="right">Outstanding call</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id} data-testid={`member-${m.investor.id}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.investor.name}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText money={m.commitment} />
              </Table.Td>
              <Table.Td ta="right" data-testid="member-contributed">
                <MoneyText money={m.position.contributed} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText money={m.position.distributed} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText money={m.position.fees} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText money={m.position.capital} />
              </Table.Td>
              <Table.Td ta="right">
                <MoneyText money={m.outstanding} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
