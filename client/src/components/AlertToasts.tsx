import { useApolloClient, useSubscription } from '@apollo/client/react';
import { toast } from '../lib/toast.ts';
import { graphql } from '../__generated__/gql.ts';

export const AlertRaisedSubscription = graphql(`
  subscription AlertRaised {
    alertRaised {
      id
      kind
      message
      status
      raisedAt
      pool {
        id
        name
        openAlertCount
      }
    }
  }
`);

const KIND_LABEL = { LARGE_TRANSACTION: 'Large transaction', TRANSACTION_SPIKE: 'Spike' } as const;

/**
 * For managers: every alert on any of their pools, live. Each one shows a toast (announced to
 * screen readers: Mantine notifications are role="alert") and refreshes the inbox; the pool's
 * open-alert count updates in the cache from the event itself.
 */
export function AlertToasts() {
  const client = useApolloClient();
  useSubscription(AlertRaisedSubscription, {
    onData: ({ data }) => {
      const alert = data.data?.alertRaised;
      if (!alert) return;
      toast({
        id: `alert-${alert.id}`,
        color: 'red',
        title: `${KIND_LABEL[alert.kind]} in ${alert.pool.name}`,
        message: alert.message,
        autoClose: 15_000,
      });
      void client.refetchQueries({ include: ['AlertsInbox'] });
    },
  });
  return null;
}
