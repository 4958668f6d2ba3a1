// @vitest-environment jsdom
import { ApolloProvider } from '@apollo/client/react';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { NextManagementFeeFieldsFragment } from '../__generated__/graphql.ts';
import { formatDay } from '../lib/dates.ts';
import { answeringClient } from '../test/apollo.ts';
import { renderWithMantine } from '../test/render.tsx';
import {
  ManagementFeeCard,
  NextManagementFee,
  periodText,
  rateText,
} from './NextManagementFee.tsx';

afterEach(cleanup);

const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'USD' });
const share = (id: string, name: string, amount: string) => ({
  __typename: 'ManagementFeeShare' as const,
  investor: { __typename: 'User' as const, id, name },
  amount: money(amount),
});
const fee = (
  over: Partial<NextManagementFeeFieldsFragment> = {},
): NextManagementFeeFieldsFragment => ({
  termsVersion: 1,
  period: 2,
  periodStart: '2027-04-30T10:00:00.000Z',
  periodEnd: '2027-07-31T10:00:00.000Z',
  dueAt: '2027-04-30T10:00:00.000Z',
  overdue: false,
  frequency: 'QUARTERLY',
  basis: 'COMMITMENTS',
  rateBps: 200,
  basisAmount: money('30000.00'),
  amount: money('150.00'),
  members: [share('a', 'Al', '100.00'), share('b', 'Bo', '50.00')],
  ...over,
});

describe('the next management fee', () => {
  it('names the period, its dates and frequency, and the rate of its basis', () => {
    const start = formatDay('2027-04-30T10:00:00.000Z');
    const end = formatDay('2027-07-31T10:00:00.000Z');
    expect(periodText(fee())).toBe(`Period 3, ${start} to ${end} (quarterly)`);
    expect(periodText(fee({ period: 0, periodEnd: null, frequency: 'ONCE' }))).toBe(
      `Period 1, from ${start} (charged once)`,
    );
    expect(rateText(fee({ rateBps: 250, basis: 'INVESTED_CAPITAL' }))).toBe(
      '2.5 % a year of invested capital',
    );
  });

  it('shows when it is due, the amount, and each member’s share when opened', async () => {
    renderWithMantine(<ManagementFeeCard fee={fee()} />);
    expect(screen.getByTestId('next-fee-due').textContent).toBe(
      `Due ${formatDay('2027-04-30T10:00:00.000Z')}`,
    );
    expect(screen.getByTestId('next-fee-amount').textContent).toBe('$150.00');
    expect(screen.getByText(/2 % a year of commitments/).textContent).toContain('$30,000.00');
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: "Each member's share (2)" });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    const table = screen.getByRole('table', { name: "Each member's share of the fee" });
    expect(within(table).getByTestId('fee-share-a').textContent).toContain('$100.00');
    expect(within(table).getByTestId('fee-share-b').textContent).toContain('$50.00');
    await userEvent.click(screen.getByRole('button', { name: "Hide each member's share" }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says a due fee not charged yet is overdue, and when nobody has capital to bear it', () => {
    renderWithMantine(<ManagementFeeCard fee={fee({ overdue: true, members: [] })} />);
    expect(screen.getByTestId('next-fee-due').textContent).toBe(
      `Overdue since ${formatDay('2027-04-30T10:00:00.000Z')}`,
    );
    expect(screen.getByText(/No member has capital yet/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('asks the ledger for the pool’s preview, and shows nothing for a pool without a fee', async () => {
    const answers: Record<string, unknown> = {
      p1: { __typename: 'ManagementFeePreview', pool: { __typename: 'Pool', id: 'p1' }, ...fee() },
      p2: null,
    };
    const asked: unknown[] = [];
    const client = answeringClient((operation) => {
      asked.push(operation.variables.poolId);
      return { data: { managementFeePreview: answers[operation.variables.poolId as string] } };
    });
    const { unmount } = renderWithMantine(<NextManagementFee poolId="p1" />, (tree) => (
      <ApolloProvider client={client}>{tree}</ApolloProvider>
    ));
    expect((await screen.findByTestId('next-fee-amount')).textContent).toBe('$150.00');
    unmount();
    renderWithMantine(
      <div data-testid="slot">
        <NextManagementFee poolId="p2" />
      </div>,
      (tree) => <ApolloProvider client={client}>{tree}</ApolloProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual(['p1', 'p2']);
    expect(screen.queryByTestId('next-fee')).toBeNull();
    expect(screen.getByTestId('slot').childElementCount).toBe(0);
  });
});
