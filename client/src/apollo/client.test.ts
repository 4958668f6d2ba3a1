import { ApolloLink, gql } from '@apollo/client';
import { Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { apolloClient } from './client.ts';

const PoolCashQuery = gql`
  query PoolCash {
    pool {
      id
      cash
    }
  }
`;

describe("the app's Apollo client", () => {
  // Live events refetch the screens they change: a second event while the first one's refetch
  // is on its way must be answered by the server after it, not with that older answer.
  it('asks the server again for a refetch made while an earlier one is still on its way', async () => {
    const answers: Array<(cash: string) => void> = [];
    const link = new ApolloLink(
      () =>
        new Observable((observer) => {
          answers.push((cash) => {
            observer.next({ data: { pool: { __typename: 'Pool', id: 'p1', cash } } });
            observer.complete();
          });
        }),
    );
    const client = apolloClient(link);
    const shown: string[] = [];
    const watched = client.watchQuery({ query: PoolCashQuery }).subscribe(({ data }) => {
      const cash = (data as { pool?: { cash: string } } | undefined)?.pool?.cash;
      if (cash) shown.push(cash);
    });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]!('0.00');

    const afterPending = client.refetchQueries({ include: ['PoolCash'] });
    const afterPosted = client.refetchQueries({ include: ['PoolCash'] });
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    answers[1]!('0.00');
    answers[2]!('2500.00');
    await Promise.allSettled([afterPending, afterPosted]);
    await vi.waitFor(() => expect(shown.at(-1)).toBe('2500.00'));
    watched.unsubscribe();
  });
});
