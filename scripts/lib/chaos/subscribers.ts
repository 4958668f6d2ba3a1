import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one live subscriber saw: when it (re)connected, when it was cut, what it received. */
export interface SubscriberLog {
  name: string;
  poolId: string;
  field: 'balanceChanged' | 'transactionPosted';
  /** Times (ms since epoch) of each `connected`, and of each re-subscribe after an error. */
  connects: number[];
  /** Times the socket closed while the run was going on. */
  cuts: number[];
  /** Subscription errors the gateway sent (the subscriber then subscribes again). */
  errors: string[];
  /** Transaction id → when it arrived. */
  received: Map<string, number>;
}

export interface LiveSubscribers {
  logs: SubscriberLog[];
  stop(): Promise<void>;
}

const QUERIES = {
  balanceChanged:
    'subscription($p: ID!) { balanceChanged(poolId: $p) { transaction { id } cashBalance { amount } } }',
  transactionPosted: 'subscription($p: ID!) { transactionPosted(poolId: $p) { id } }',
};

type Event =
  { balanceChanged: { transaction: { id: string } } } | { transactionPosted: { id: string } };

/**
 * One graphql-ws client per (pool, field), as a manager watching the pool would: it retries
 * for ever with backoff (graphql-ws re-subscribes after each reconnect), and subscribes again
 * when the gateway ends the subscription with an error.
 */
export function startSubscribers(url: string, token: string, poolIds: string[]): LiveSubscribers {
  let stopping = false;
  const clients: Client[] = [];
  const logs: SubscriberLog[] = [];
  for (const poolId of poolIds) {
    for (const field of ['balanceChanged', 'transactionPosted'] as const) {
      const log: SubscriberLog = {
        name: `${field}#${logs.length + 1}`,
        poolId,
        field,
        connects: [],
        cuts: [],
        errors: [],
        received: new Map(),
      };
      logs.push(log);
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => !stopping,
        retryWait: (attempt) =>
          new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2_000))),
        on: {
          connected: () => void log.connects.push(Date.now()),
          closed: () => {
            if (!stopping) log.cuts.push(Date.now());
          },
        },
      });
      clients.push(client);
      const subscribe = () =>
        client.subscribe<Event>(
          { query: QUERIES[field], variables: { p: poolId } },
          {
            next: ({ data }) => {
              if (!data) return;
              const id =
                'balanceChanged' in data
                  ? data.balanceChanged.transaction.id
                  : data.transactionPosted.id;
              if (!log.received.has(id)) log.received.set(id, Date.now());
            },
            error: (error) => {
              if (stopping) return;
              log.errors.push(JSON.stringify(error).slice(0, 200));
              setTimeout(() => {
                if (stopping) return;
                log.connects.push(Date.now());
                subscribe();
              }, 500);
            },
            complete: () => {},
          },
        );
      subscribe();
    }
  }
  return {
    logs,
    stop: async () => {
      stopping = true;
      await Promise.all(clients.map((c) => c.dispose()));
    },
  };
}
