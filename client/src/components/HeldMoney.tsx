import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import { formatMoney, toMinor } from '../lib/money.ts';
import type { ConfirmRequest } from './ConfirmDialog.tsx';
import { MoneyText } from './MoneyText.tsx';
import { nodesOf, useEveryPage } from '../lib/connections.ts';

// Reconciliation asks the card provider about the pool's payments: only when money is held.
const HeldPaymentsQuery = graphql(`
  query HeldPayments($poolId: ID!, $after: String) {
    paymentMismatchesConnection(poolId: $poolId, first: 200, after: $after) {
      edges {
        node {
          kind
          provider
          providerAmount {
            amount
            currency
          }
          transaction {
            id
            status
            investor {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const RefundPaymentMutation = graphql(`
  mutation RefundPayment($id: ID!) {
    refundPayment(transactionId: $id) {
      id
      held {
        amount
        currency
      }
      refunded {
        amount
        currency
      }
    }
  }
`);

/**
 * Money that arrived for this pool but that the pool did not take (a payment cancelled or
 * expired before the money came, or more than was started): held, never cash, until it is paid
 * back. Cards are refunded by the provider; a bank transfer the manager sends back, then says so.
 */
export function HeldMoney({
  poolId,
  suspense,
  onConfirm,
}: {
  poolId: string;
  /** Pool.suspense, as the pool's page read it. */
  suspense: { amount: string; currency: string };
  onConfirm: (request: ConfirmRequest) => void;
}) {
  const holds = toMinor(suspense.amount, suspense.currency) > 0n;
  const { data, fetchMore } = useQuery(HeldPaymentsQuery, { variables: { poolId }, skip: !holds });
  // Every held payment is listed: the pages after the first load on their own.
  useEveryPage(data?.paymentMismatchesConnection, fetchMore);
  const [refund] = useMutation(RefundPaymentMutation, {
    refetchQueries: ['PoolPage', 'HeldPayments'],
    awaitRefetchQueries: true,
  });
  if (!holds) return null;
  const held = nodesOf(data?.paymentMismatchesConnection).filter(
    (m) => m.kind === 'HELD_IN_SUSPENSE',
  );
  return (
    <Alert color="yellow" title="Money held for a refund" data-testid="held-money">
      <Stack gap="xs">
        <Text size="sm">
          <MoneyText money={suspense} fw={600} /> arrived for payments this pool did not take. It is
          not cash: nothing can distribute it or charge a fee from it. Pay it back to the payer.
        </Text>
        {held.map((m) => {
          const who = m.transaction?.investor?.name ?? 'the payer';
          const id = m.transaction?.id;
          if (!id) return null;
          const bank = m.provider === 'bank';
          return (
            <Group key={id} justify="space-between" gap="xs">
              <Text size="sm">
                {who}, {bank ? 'bank transfer' : 'card'}
                {m.providerAmount ? ` (${formatMoney(m.providerAmount)} received)` : ''}
              </Text>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() =>
                  onConfirm({
                    title: `Refund ${who}?`,
                    body: bank
                      ? 'Send the held money back to the payer bank account first; this records that you did.'
                      : 'The card provider pays the held money back to the card.',
                    confirmLabel: bank ? 'I sent it back' : 'Refund to the card',
                    action: () => refund({ variables: { id } }),
                  })
                }
              >
                Refund
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
