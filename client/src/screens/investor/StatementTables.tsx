import { Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../__generated__/gql.ts';
import type { StatementLineFieldsFragment as Line } from '../../__generated__/graphql.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';

export const StatementLineFields = graphql(`
  fragment StatementLineFields on StatementLine {
    pool {
      id
      name
    }
    openingBalance {
      amount
      currency
    }
    contributions {
      amount
      currency
    }
    distributions {
      amount
      currency
    }
    fees {
      amount
      currency
    }
    withdrawals {
      amount
      currency
    }
    closingBalance {
      amount
      currency
    }
    proceeds {
      amount
      currency
    }
    carry {
      amount
      currency
    }
    distributionsReturnOfCapital {
      amount
      currency
    }
    distributionsPreferredReturn {
      amount
      currency
    }
    distributionsProfitShare {
      amount
      currency
    }
    distributionsProRata {
      amount
      currency
    }
    navShare {
      amount
      currency
    }
    navDate
  }
`);

type Pick = (l: Line) => { amount: string; currency: string } | null | undefined;

const columns = (amounts: ReadonlyArray<readonly [string, Pick]>): Column<Line>[] => [
  { label: 'Pool', primary: true, cell: (line) => line.pool.name },
  ...amounts.map(([label, pick]) => ({
    label,
    align: 'right' as const,
    cell: (line: Line) => {
      const money = pick(line);
      return money ? (
        <MoneyText money={money} data-amount={money.amount} />
      ) : (
        <Text size="sm" c="dimmed" component="span" data-amount="">
          —
        </Text>
      );
    },
  })),
];

/** The capital account per pool; new figures after the first seven, which keep their places. */
const ACCOUNT = columns([
  ['Opening', (l) => l.openingBalance],
  ['Contributions', (l) => l.contributions],
  ['Distributions', (l) => l.distributions],
  ['Fees', (l) => l.fees],
  ['Withdrawals', (l) => l.withdrawals],
  ['Closing', (l) => l.closingBalance],
  ['Proceeds share', (l) => l.proceeds],
  ['Carry borne', (l) => l.carry],
  ['NAV share', (l) => l.navShare],
]);

/** The distributions split by the tiers the pool's waterfall paid (pro rata: no tiers). */
const TIERS = columns([
  ['Return of capital', (l) => l.distributionsReturnOfCapital],
  ['Preferred return', (l) => l.distributionsPreferredReturn],
  ['Profit share', (l) => l.distributionsProfitShare],
  ['Pro rata', (l) => l.distributionsProRata],
  ['Total', (l) => l.distributions],
]);

/** A statement's two tables: the capital accounts, then the distributions by tier. */
export function StatementTables({ lines }: { lines: readonly Line[] }) {
  const navDates = [...new Set(lines.flatMap((l) => (l.navDate ? [l.navDate] : [])))];
  return (
    <Stack>
      <DataTable
        label="Statement"
        rows={lines}
        rowKey={(line) => line.pool.id}
        rowTestId={(line) => `statement-${line.pool.id}`}
        columns={ACCOUNT}
      />
      <Text size="xs" c="dimmed">
        NAV share: the investor's part of the pool's latest valuation by the period's end, moved by
        later money in and out, split by net contributed capital
        {navDates.length === 1 ? ` (as of ${navDates[0]})` : ''}; a dash where the pool had no
        valuation by then.
      </Text>
      <Title order={3} size="h4">
        Distributions by tier
      </Title>
      <DataTable
        label="Distributions by tier"
        rows={lines}
        rowKey={(line) => line.pool.id}
        rowTestId={(line) => `tiers-${line.pool.id}`}
        columns={TIERS}
      />
    </Stack>
  );
}
