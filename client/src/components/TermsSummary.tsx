import { Text, type TextProps } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';
import type { PoolTermsFieldsFragment } from '../__generated__/graphql.ts';

export const PoolTermsFields = graphql(`
  fragment PoolTermsFields on PoolTerms {
    version
    managementFeeBps
    feeBasis
    feeFrequency
    feeHolidayMonths
    carryBps
    hurdleBps
    hurdleCompounding
    catchUp
  }
`);

/** Basis points as a percentage, exactly (250 → "2.5 %"): integers, never a float's rounding. */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''} %`;
}

const FREQUENCY = { ONCE: 'once', ANNUAL: 'a year', QUARTERLY: 'a year, charged quarterly' };
const BASIS = { COMMITMENTS: 'commitments', INVESTED_CAPITAL: 'invested capital' };

/** The management fee in one phrase: "2 % a year on commitments, 6 months' holiday". */
export function feeText(t: PoolTermsFieldsFragment): string {
  if (t.managementFeeBps === 0) return 'No management fee';
  const holiday = t.feeHolidayMonths > 0 ? `, first ${t.feeHolidayMonths} months free` : '';
  return `${formatBps(t.managementFeeBps)} ${FREQUENCY[t.feeFrequency]} on ${BASIS[t.feeBasis]}${holiday}`;
}

/** The carry in one phrase: "20 % carry over a preferred return of 8 % a year (simple), full catch-up". */
export function carryText(t: PoolTermsFieldsFragment): string {
  if (t.carryBps === 0) return 'No carried interest (distributions pro rata)';
  const growth = t.hurdleCompounding === 'COMPOUND' ? 'compounding' : 'simple';
  const hurdle =
    t.hurdleBps > 0
      ? ` over a preferred return of ${formatBps(t.hurdleBps)} a year (${growth})`
      : '';
  const catchUp = t.catchUp === 'FULL' ? ', full catch-up' : '';
  return `${formatBps(t.carryBps)} carry${hurdle}${catchUp}`;
}

/** A pool's terms in two short lines, for cards and headers; "No fund terms" when none. */
export function TermsSummary({
  terms,
  ...props
}: { terms: PoolTermsFieldsFragment | null | undefined } & TextProps) {
  if (!terms) {
    return (
      <Text size="sm" c="dimmed" {...props}>
        No fund terms: no fee schedule, distributions pro rata.
      </Text>
    );
  }
  return (
    <Text size="sm" {...props} data-testid="terms-summary">
      {feeText(terms)} · {carryText(terms)}
    </Text>
  );
}
