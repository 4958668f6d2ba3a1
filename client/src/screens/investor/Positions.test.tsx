// @vitest-environment jsdom
import { ApolloProvider } from '@apollo/client/react';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { answeringClient } from '../../test/apollo.ts';
import { renderWithMantine } from '../../test/render.tsx';
import { Positions } from './Positions.tsx';

afterEach(cleanup);

const money = (amount: string) => ({ __typename: 'Money', amount, currency: 'USD' });
const membership = {
  __typename: 'Membership',
  id: 'm1',
  commitment: money('10000.00'),
  called: money('0.00'),
  outstanding: money('0.00'),
  pool: {
    __typename: 'Pool',
    id: 'p1',
    name: 'Harbor Fund',
    currency: 'USD',
    status: 'CLOSED',
    terms: null,
  },
  position: {
    __typename: 'Position',
    contributed: money('4000.00'),
    distributed: money('0.00'),
    proceeds: money('1333.33'),
    fees: money('0.00'),
    capital: money('5333.33'),
    pending: money('0.00'),
    unfundedCommitment: money('6000.00'),
  },
};

describe('an investor’s positions', () => {
  it('show their share of the pool’s proceeds beside what they paid in', async () => {
    const client = answeringClient((operation) =>
      operation.operationName === 'MyPositions'
        ? {
            data: {
              me: {
                __typename: 'User',
                id: 'u1',
                membershipsConnection: {
                  __typename: 'MembershipConnection',
                  edges: [{ __typename: 'MembershipEdge', node: membership }],
                  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                },
              },
            },
          }
        : operation.operationName === 'MyPerformance'
          ? {
              data: {
                investorPerformanceConnection: {
                  __typename: 'InvestorPerformanceConnection',
                  edges: [],
                  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                },
              },
            }
          : null,
    );
    renderWithMantine(<Positions />, (tree) => (
      <ApolloProvider client={client}>{tree}</ApolloProvider>
    ));
    const card = await screen.findByTestId('position-p1');
    expect(within(card).getByTestId('position-proceeds').textContent).toBe('$1,333.33');
    expect(within(card).getByTestId('position-capital').textContent).toBe('$5,333.33');
  });
});
