import { useQuery } from '@apollo/client/react';
import { Alert, Group, Stack, Text } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import type { PreviewDistributionQuery as PreviewData } from '../__generated__/graphql.ts';
import { formErrors } from '../lib/errors.ts';
import { DataTable, type Column } from './DataTable.tsx';
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

type Member = PreviewData['previewDistribution']['members'][number];

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
      <DataTable
        label="Each member's share"
        rows={preview.members}
        rowKey={(m) => m.investor.id}
        rowTestId={(m) => `preview-${m.investor.id}`}
        columns={[
          { label: 'Member', cell: (m) => m.investor.name, primary: true },
          { label: 'Capital', cell: (m) => <MoneyText money={m.capital} />, align: 'right' },
          ...(tiers
            ? ([
                {
                  label: 'Capital back',
                  cell: (m) => <MoneyText money={m.returnOfCapital} />,
                  align: 'right',
                },
                {
                  label: 'Preferred',
                  cell: (m) => <MoneyText money={m.preferredReturn} />,
                  align: 'right',
                },
                {
                  label: 'Profit',
                  cell: (m) => <MoneyText money={m.profitShare} />,
                  align: 'right',
                },
              ] satisfies Column<Member>[])
            : []),
          {
            label: tiers ? 'Total' : 'Share',
            cell: (m) => <MoneyText money={m.total} fw={600} />,
            align: 'right',
          },
        ]}
      />
      {tiers && preview.carryRecipient && (
        <Group justify="space-between" data-testid="preview-carry" wrap="wrap">
          <Stack gap={0}>
            <Text size="sm">Carry to {preview.carryRecipient.name}</Text>
            <Text size="xs" c="dimmed">
              catch-up <MoneyText money={preview.catchUp} /> + split{' '}
              <MoneyText money={preview.carriedInterest} />
            </Text>
          </Stack>
          <MoneyText money={preview.carry} fw={600} />
        </Group>
      )}
    </Stack>
  );
}
