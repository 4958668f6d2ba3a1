import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client as WsClient } from 'graphql-ws';
import type { SessionStore } from './session.ts';

/**
 * Subscriptions over graphql-ws on the same /graphql, the token in `connection_init`. Its own
 * module, imported by the first subscription (client.ts), so the log-in page's first script
 * does without the WebSocket client.
 */
export function createSubscriptionsLink(
  session: SessionStore,
  wsUrl: string,
): { link: GraphQLWsLink; ws: WsClient; dispose(): void } {
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    connectionParams: () => {
      const token = session.current?.accessToken;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  // A new token (refresh, log-in, log-out) reconnects the socket; graphql-ws subscribes the
  // live subscriptions again on the new connection, so screens keep their live data.
  const unsubscribe = session.subscribe(() => ws.terminate());
  return {
    link: new GraphQLWsLink(ws),
    ws,
    dispose() {
      unsubscribe();
      // It rejects when a connection attempt in progress fails: then nothing is left to close.
      void Promise.resolve(ws.dispose()).catch(() => undefined);
    },
  };
}
