import { Text } from '@mantine/core';
import type { MyNoticesQuery } from '../../__generated__/graphql.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { formatDay } from '../../lib/dates.ts';

type Notice = MyNoticesQuery['noticesConnection']['edges'][number]['node'];

/**
 * What the fund's terms add to a notice: a waterfall distribution's tiers, the period a
 * scheduled management fee is for, the carry the investor's capital bore. Nothing for others.
 */
export function NoticeDetails({ notice }: { notice: Notice }) {
  const { tiers, feePeriod, carryBorne } = notice;
  return (
    <>
      {tiers && (
        <Text size="sm" c="dimmed" mt={4} data-testid="terms-tiers">
          {(
            [
              ['Return of capital', tiers.returnOfCapital],
              ['Preferred return', tiers.preferredReturn],
              ['Profit share', tiers.profitShare],
            ] as const
          ).map(([label, money], index) => (
            <span key={label}>
              {index > 0 && ' · '}
              {label} <MoneyText money={money} c="var(--mantine-color-text)" />
            </span>
          ))}
        </Text>
      )}
      {feePeriod && (
        <Text size="sm" c="dimmed" mt={4} data-testid="terms-fee-period">
          Management fee for{' '}
          {feePeriod.end
            ? `${formatDay(feePeriod.start)} – ${formatDay(feePeriod.end)}`
            : `${formatDay(feePeriod.start)} (charged once)`}
        </Text>
      )}
      {notice.kind === 'FEE' && !feePeriod && (
        <Text size="sm" c="dimmed" mt={4}>
          A fee the manager charged
        </Text>
      )}
      {notice.kind === 'PAYMENT_HELD' && (
        <Text size="sm" c="dimmed" mt={4} data-testid="payment-held">
          Money you paid that the pool did not take. It is held for you until it is paid back: a
          card is refunded at once, a bank transfer is sent back by the manager.
        </Text>
      )}
      {notice.kind === 'PAYMENT_REFUNDED' && (
        <Text size="sm" c="dimmed" mt={4}>
          Paid back to you from money the pool did not take
        </Text>
      )}
      {carryBorne && (
        <Text size="sm" c="dimmed" mt={4} data-testid="terms-carry">
          Your part of the carried interest paid to the manager:{' '}
          <MoneyText money={carryBorne} c="var(--mantine-color-text)" />
        </Text>
      )}
    </>
  );
}
