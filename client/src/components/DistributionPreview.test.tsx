// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DistributionMemberFieldsFragment } from '../__generated__/graphql.ts';
import { renderWithMantine } from '../test/render.tsx';
import { DistributionPreview, previewDistribution } from './DistributionPreview.tsx';

const member = (id: string, name: string, contributed: string, withdrawn = '0.00') =>
  ({
    __typename: 'Membership',
    id: `m-${id}`,
    investor: { __typename: 'User', id, name },
    position: {
      __typename: 'Position',
      contributed: { __typename: 'Money', amount: contributed, currency: 'USD' },
      withdrawn: { __typename: 'Money', amount: withdrawn, currency: 'USD' },
    },
  }) as DistributionMemberFieldsFragment;

afterEach(cleanup);

describe('the distribution preview', () => {
  it('splits by contributed capital with the largest remainder, so the shares sum to the amount', () => {
    const members = [
      member('c', 'Cy', '100.00'),
      member('a', 'Al', '100.00'),
      member('b', 'Bo', '100.00'),
    ];
    const shares = previewDistribution(members, 100n, 'USD')!;
    // 1.00 over three equal members: 0.34 to the lowest id, 0.33 to the others.
    expect(shares.map((s) => [s.investorId, s.share])).toEqual([
      ['a', 34n],
      ['b', 33n],
      ['c', 33n],
    ]);
  });

  it('weighs capital net of withdrawals and leaves out members without capital', () => {
    const members = [
      member('a', 'Al', '300.00', '100.00'),
      member('b', 'Bo', '600.00'),
      member('z', 'Zed', '50.00', '50.00'),
    ];
    const shares = previewDistribution(members, 100_000n, 'USD')!;
    expect(shares.map((s) => [s.investorId, s.share])).toEqual([
      ['a', 25_000n],
      ['b', 75_000n],
    ]);
  });

  it('shows each member their exact share and the total before anything is sent', () => {
    renderWithMantine(
      <DistributionPreview
        members={[member('a', 'Al', '1.00'), member('b', 'Bo', '2.00')]}
        amount={1000n}
        currency="USD"
      />,
    );
    const table = screen.getByRole('table', { name: "Each member's share" });
    expect(within(table).getByTestId('share-a').textContent).toBe('$3.33');
    expect(within(table).getByTestId('share-b').textContent).toBe('$6.67');
    expect(within(table).getByText('$10.00')).toBeTruthy();
  });

  it('says so when nobody has capital to distribute to', () => {
    renderWithMantine(
      <DistributionPreview members={[member('a', 'Al', '0.00')]} amount={100n} currency="USD" />,
    );
    expect(screen.getByText(/No member has capital/)).toBeTruthy();
  });
});
