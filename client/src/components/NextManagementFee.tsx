import { useQuery } from '@apollo/client/react';
import { Badge, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { graphql } from '../__generated__/gql.ts';
import type { NextManagementFeeFieldsFragment } from '../__generated__/graphql.ts';
import { formatDay } from '../lib/dates.ts';
import { formErrors } from '../lib/errors.ts';
import { DataTable } from './DataTable.tsx';
import { MoneyText } from './MoneyText.tsx';
import { formatBps } from './TermsSummary.tsx';

export const NextManagementFeeFields = graphql(`
  fragment NextManagementFeeFields on ManagementFeePreview {
    termsVersion
    period
    periodStart
    periodEnd
    dueAt
    overdue
    frequency
    basis
    rateBps
    basisAmount {
      amount
      currency
    }
    amount {
      amount
      currency
    }
    members {
      investor {
        id
        name
      }
      amount {
        amount
        currency
      }
    }
  }
`);

export const NextManagementFeeQuery = graphql(`
  query NextManagementFee($poolId: ID!) {
    managementFeePreview(poolId: $poolId) {
      pool {
        id
      }
      ...NextManagementFeeFields
    }
  }
`);

const FREQUENCY: Record<string, string> = {
  ONCE: 'charged once',
  ANNUAL: 'yearly',
  QUARTERLY: 'quarterly',
};
const BASIS: Record<string, string> = {
  COMMITMENTS: 'commitments',
  INVESTED_CAPITAL: 'invested capital',
};

/** "Period 3, 30 Apr 2026 to 31 Jul 2026 (quarterly)"; a fee charged once has no end. */
export function periodText(fee: NextManagementFeeFieldsFragment, locale?: string): string {
  const frequency = FREQUENCY[fee.frequency] ?? fee.frequency.toLowerCase();
  const dates = fee.periodEnd
    ? `${formatDay(fee.periodStart, locale)} to ${formatDay(fee.periodEnd, locale)}`
    : `from ${formatDay(fee.periodStart, locale)}`;
  return `Period ${fee.period + 1}, ${dates} (${frequency})`;
}

/** "2 % a year of commitments" (the basis amount is shown beside it). */
export function rateText(fee: NextManagementFeeFieldsFragment): string {
  const basis = BASIS[fee.basis] ?? fee.basis.toLowerCase();
  return `${formatBps(fee.rateBps)} a year of ${basis}`;
}

/**
 * The next management fee as the ledger's fee schedule will charge it: the period, when it is
 * due (or that it is overdue: due and not charged yet), the amount on today's basis, and each
 * member's share in a table the manager opens.
 */
export function ManagementFeeCard({ fee }: { fee: NextManagementFeeFieldsFragment }) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  return (
    <Card withBorder padding="md" data-testid="next-fee">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Next management fee
            </Text>
            <Text size="sm" data-testid="next-fee-period">
              {periodText(fee)}
            </Text>
            <Group gap="xs" wrap="wrap">
              {fee.overdue ? (
                // Filled red with white text: it must stand out and stay readable (AA).
                <Badge color="red.8" variant="filled" data-testid="next-fee-due">
                  Overdue since {formatDay(fee.dueAt)}
                </Badge>
              ) : (
                <Text size="sm" data-testid="next-fee-due">
                  Due {formatDay(fee.dueAt)}
                </Text>
              )}
            </Group>
          </Stack>
          <Stack gap={0} align="flex-end">
            <MoneyText money={fee.amount} fw={700} size="lg" data-testid="next-fee-amount" />
            <Text size="xs" c="dimmed">
              {rateText(fee)} <MoneyText money={fee.basisAmount} />
            </Text>
          </Stack>
        </Group>
        {fee.overdue && (
          <Text size="sm" c="dimmed">
            The schedule charges it on its next pass, once the pool&apos;s cash can pay it.
          </Text>
        )}
        {fee.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            No member has capital yet: nothing would be charged today.
          </Text>
        ) : (
          <>
            <Group>
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => setOpen((o) => !o)}
                aria-expanded={open}
                aria-controls={tableId}
              >
                {open ? "Hide each member's share" : `Each member's share (${fee.members.length})`}
              </Button>
            </Group>
            <Box id={tableId}>
              {open && (
                <DataTable
                  label="Each member's share of the fee"
                  rows={fee.members}
                  rowKey={(m) => m.investor.id}
                  rowTestId={(m) => `fee-share-${m.investor.id}`}
                  columns={[
                    { label: 'Member', cell: (m) => m.investor.name, primary: true },
                    {
                      label: 'Share',
                      cell: (m) => <MoneyText money={m.amount} />,
                      align: 'right',
                    },
                  ]}
                />
              )}
            </Box>
          </>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The pool's next management fee, for its manager; nothing when the pool has no fee (no terms,
 * a zero rate, a ONCE fee already charged, a pool neither OPEN nor CLOSED). A failure is said
 * in one line: the rest of the page does not depend on it.
 */
export function NextManagementFee({ poolId }: { poolId: string }) {
  const { data, error } = useQuery(NextManagementFeeQuery, { variables: { poolId } });
  if (error && !data) {
    const errors = formErrors(error);
    return (
      <Text size="sm" c="red.8" role="alert">
        The next management fee could not be loaded: {errors.form ?? Object.values(errors.fields)}
      </Text>
    );
  }
  const fee = data?.managementFeePreview;
  return fee ? <ManagementFeeCard fee={fee} /> : null;
}
