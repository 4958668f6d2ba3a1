import { useQuery } from '@apollo/client/react';
import { Alert, Stack, Table, Text } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import { formErrors } from '../lib/errors.ts';
import { MoneyText } from './MoneyText.tsx';
import { Loading } from './States.tsx';

const PreviewDistributionQuery = graphql(`
  query PreviewDistribution($poolId: ID!, $amount: Decimal!) {
    previewDistribution(poolId: $poolId, amount: $amount) {
      waterfall
      termsVersion
      members {
        investor {
          id
          name
        }
        capital {
          amount
          currency
        }
        returnOfCapital {
          amount
          currency
        }
        preferredReturn {
          amount
          currency
        }
        profitShare {
          amount
          currency
        }
        total {
          amount
          currency
        }
      }
      catchUp {
        amount
        currency
      }
      carriedInterest {
        amount
        currency
      }
      carry {
        amount
        currency
      }
      carryRecipient {
        id
        name
      }
    }
  }
`);

/**
 * What a distribution pays, as the ledger computes it (previewDistribution runs the very rules
 * distribute posts with): per member each tier of the pool's waterfall, and the manager's
 * carry; for a pool without carry, each member's pro-rata share.
 */
export function WaterfallPreview({ poolId, amount }: { poolId: string; amount: string }) {
  const { data, loading, error } = useQuery(PreviewDistributionQuery, {
    variables: { poolId, amount },
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <Loading label="Computing each member's share…" />;
  if (error) {
    return (
      <Alert color="red" role="alert">
        {formErrors(error).form ?? Object.values(formErrors(error).fields).join(' ')}
      </Alert>
    );
  }
  const preview = data?.previewDistribution;
  if (!preview) return null;
  const tiers = preview.waterfall;
  return (
    <Stack gap="xs">
      {tiers && (
        <Text size="sm" c="dimmed">
          Through the waterfall of the terms (version {preview.termsVersion}): capital back first,
          then the preferred return, the catch-up, and the carry split.
        </Text>
      )}
      <Table.ScrollContainer minWidth={tiers ? 620 : 320}>
        <Table striped aria-label="Each member's share">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              <Table.Th ta="right">Capital</Table.Th>
              {tiers && <Table.Th ta="right">Capital back</Table.Th>}
              {tiers && <Table.Th ta="right">Preferred</Table.Th>}
              {tiers && <Table.Th ta="right">Profit</Table.Th>}
              <Table.Th ta="right">{tiers ? 'Total' : 'Share'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.members.map((m) => (
              <Table.Tr key={m.investor.id} data-testid={`preview-${m.investor.id}`}>
                <Table.Td>{m.investor.name}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  <MoneyText money={m.capital} />
                </Table.Td>
                {tiers && (
                  <Table.Td ta="right" ff="monospace">
                    <MoneyText money={m.returnOfCapital} />
                  </Table.Td>
                )}
                {tiers && (
                  <Table.Td ta="right" ff="monospace">
                    <MoneyText money={m.preferredReturn} />
                  </Table.Td>
                )}
                {tiers && (
                  <Table.Td ta="right" ff="monospace">
                    <MoneyText money={m.profitShare} />
                  </Table.Td>
                )}
                <Table.Td ta="right" ff="monospace" fw={600}>
                  <MoneyText money={m.total} />
                </Table.Td>
              </Table.Tr>
            ))}
            {tiers && preview.carryRecipient && (
              <Table.Tr data-testid="preview-carry">
                <Table.Td>
                  Carry to {preview.carryRecipient.name}
                  <Text size="xs" c="dimmed">
                    catch-up <MoneyText money={preview.catchUp} /> + split{' '}
                    <MoneyText money={preview.carriedInterest} />
                  </Text>
                </Table.Td>
                <Table.Td colSpan={4} />
                <Table.Td ta="right" ff="monospace" fw={600}>
                  <MoneyText money={preview.carry} />
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
