import { SimpleGrid, Stack, Text } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import type { PerformanceFiguresFieldsFragment } from '../__generated__/graphql.ts';
import { formatCalendarDay, formatRatio } from '../lib/dates.ts';
import { formatRate } from '../lib/rates.ts';
import { MoneyText } from './MoneyText.tsx';

export const PerformanceFiguresFields = graphql(`
  fragment PerformanceFiguresFields on PoolPerformance {
    nav {
      amount
      currency
    }
    navDate
    dpi
    rvpi
    tvpi
    moic
    irr
  }
`);

/** What each figure means, as the reports README defines it (shown on hover). */
export const METRIC_HINTS = {
  NAV: 'Net asset value: the latest valuation, moved by the money in and out since its day',
  TVPI: 'Total value to paid-in: (distributed + NAV) / (contributed − withdrawn)',
  DPI: 'Distributed to paid-in: distributed / (contributed − withdrawn)',
  RVPI: 'Residual value to paid-in: NAV / (contributed − withdrawn)',
  MOIC: 'Multiple on invested capital, before fees: (distributed + NAV + fees) / paid-in',
  IRR: 'Internal rate of return per year (XIRR) of the dated flows, NAV at its date',
} as const;

/** A labelled figure with its definition on hover. */
export function Figure({
  label,
  hint,
  children,
  testId,
}: {
  label: string;
  hint: string;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <Stack gap={0} title={hint}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** NAV and the multiples and IRR of a pool (or of one investor's share, same shape). */
export function PerformanceFigures({
  figures,
  navLabel = 'NAV',
  narrow = false,
}: {
  figures: Omit<PerformanceFiguresFieldsFragment, 'navDate' | ' $fragmentName'> & {
    navDate?: string | null;
  };
  navLabel?: string;
  /** In a half-width card: at most three figures a row. */
  narrow?: boolean;
}) {
  // Two a row on a phone: a large NAV (monospace, never wrapped) must fit its column.
  return (
    <SimpleGrid cols={narrow ? { base: 2, xs: 3 } : { base: 2, xs: 3, md: 6 }} spacing="sm">
      <Figure label={navLabel} hint={METRIC_HINTS.NAV} testId="metric-nav">
        <MoneyText money={figures.nav ?? null} />
        {figures.navDate && (
          <Text size="xs" c="dimmed">
            at {formatCalendarDay(figures.navDate)}
          </Text>
        )}
      </Figure>
      {(
        [
          ['TVPI', figures.tvpi],
          ['DPI', figures.dpi],
          ['RVPI', figures.rvpi],
          ['MOIC', figures.moic],
        ] as const
      ).map(([label, value]) => (
        <Figure
          key={label}
          label={label}
          hint={METRIC_HINTS[label]}
          testId={`metric-${label.toLowerCase()}`}
        >
          {formatRatio(value)}
        </Figure>
      ))}
      <Figure label="IRR" hint={METRIC_HINTS.IRR} testId="metric-irr">
        {formatRate(figures.irr)}
      </Figure>
    </SimpleGrid>
  );
}
