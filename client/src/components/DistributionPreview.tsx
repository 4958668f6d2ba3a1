import { Table, Text } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import type { DistributionMemberFieldsFragment } from '../__generated__/graphql.ts';
import { formatMoney, splitProRata, toDecimal, toMinor } from '../lib/money.ts';

export const DistributionMemberFields = graphql(`
  fragment DistributionMemberFields on Membership {
    id
    investor {
      id
      name
    }
    position {
      contributed {
        amount
        currency
      }
      withdrawn {
        amount
        currency
      }
    }
  }
`);

export interface PreviewShare {
  investorId: string;
  name: string;
  capital: bigint;
  share: bigint;
}

/**
 * Each member's part of a distribution, as the ledger will post it: pro rata to contributed
 * capital (contributed minus withdrawn), largest remainder, ties to the lower investor id;
 * members without capital get nothing. Null when nobody has capital.
 */
export function previewDistribution(
  members: readonly DistributionMemberFieldsFragment[],
  amount: bigint,
  currency: string,
): PreviewShare[] | null {
  const withCapital = members
    .map((m) => ({
      investorId: m.investor.id,
      name: m.investor.name,
      capital:
        toMinor(m.position.contributed.amount, currency) -
        toMinor(m.position.withdrawn.amount, currency),
    }))
    .filter((m) => m.capital > 0n)
    .sort((a, b) => (a.investorId < b.investorId ? -1 : 1));
  if (withCapital.length === 0) return null;
  const parts = splitProRata(
    amount,
    withCapital.map((m) => m.capital),
  );
  return withCapital.map((m, i) => ({ ...m, share: parts[i]! }));
}

export function DistributionPreview({
  members,
  amount,
  currency,
}: {
  members: readonly DistributionMemberFieldsFragment[];
  amount: bigint;
  currency: string;
}) {
  const shares = previewDistribution(members, amount, currency);
  if (!shares) {
    return <Text c="red">No member has capital in this pool: there is nothing to split.</Text>;
  }
  const money = (minor: bigint) => formatMoney({ amount: toDecimal(minor, currency), currency });
  return (
    <Table striped aria-label="Each member's share">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Member</Table.Th>
          <Table.Th ta="right">Capital</Table.Th>
          <Table.Th ta="right">Share</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shares.map((s) => (
          <Table.Tr key={s.investorId}>
            <Table.Td>{s.name}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {money(s.capital)}
            </Table.Td>
            <Table.Td ta="right" ff="monospace" data-testid={`share-${s.investorId}`}>
              {money(s.share)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>Total</Table.Th>
          <Table.Th />
          <Table.Th ta="right" ff="monospace">
            {money(shares.reduce((sum, s) => sum + s.share, 0n))}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
