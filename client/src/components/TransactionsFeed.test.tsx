// @vitest-environment jsdom
import { ApolloProvider } from '@apollo/client/react';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { answeringClient } from '../test/apollo.ts';
import { renderWithMantine } from '../test/render.tsx';
import { TransactionsFeed } from './TransactionsFeed.tsx';

afterEach(cleanup);

const money = (amount: string) => ({ __typename: 'Money', amount, currency: 'USD' });
const tx = (id: string, type: string, amount: string, note: string | null, investor = false) => ({
  __typename: 'Transaction',
  id,
  type,
  carry: false,
  status: 'POSTED',
  note,
  occurredAt: '2026-12-01T10:00:00.000Z',
  amount: money(amount),
  investor: investor ? { __typename: 'User', id: 'a', name: 'Al' } : null,
});

function renderFeed() {
  const client = answeringClient((operation) =>
    operation.operationName === 'PoolTransactions'
      ? {
          data: {
            pool: {
              __typename: 'Pool',
              id: 'p1',
              transactions: {
                __typename: 'TransactionConnection',
                nodes: [
                  tx('t2', 'PROCEEDS', '5000.00', 'Sale of Acme shares'),
                  tx('t1', 'CONTRIBUTION', '1000.00', null, true),
                ],
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              },
            },
          },
        }
      : null,
  );
  renderWithMantine(<TransactionsFeed poolId="p1" />, (tree) => (
    <ApolloProvider client={client}>{tree}</ApolloProvider>
  ));
}

describe('the pool’s transactions', () => {
  it('shows proceeds as money in, with the note the manager wrote', async () => {
    renderFeed();
    const table = await screen.findByRole('table', { name: 'Transactions' });
    const [, proceeds, contribution] = within(table).getAllByRole('row');
    expect(within(proceeds!).getByText('proceeds')).toBeTruthy();
    expect(within(proceeds!).getByTestId('transaction-note').textContent).toBe(
      'Sale of Acme shares',
    );
    // Money coming in: no minus sign.
    expect(within(proceeds!).getByText('$5,000.00')).toBeTruthy();
    expect(within(contribution!).queryByTestId('transaction-note')).toBeNull();
  });

  it('finds a transaction by the words of its note', async () => {
    renderFeed();
    const table = await screen.findByRole('table', { name: 'Transactions' });
    await userEvent.type(screen.getByLabelText('Search transactions'), 'acme');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('Sale of Acme shares')).toBeTruthy();
  });
});
