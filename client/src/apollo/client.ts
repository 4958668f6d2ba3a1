import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { RefreshSessionDocument } from '../__generated__/graphql.ts';
import { createCache, httpChain } from './links.ts';
import type { Session, SessionStore } from './session.ts';

export interface PoolgraphClient {
  client: ApolloClient;
  ws: WsClient;
  dispose(): void;
}

/** The app's Apollo Client: queries and mutations over HTTP, subscriptions over graphql-ws. */
export function createPoolgraphClient(
  session: SessionStore,
  { httpUrl = '/graphql', wsUrl = defaultWsUrl() } = {},
): PoolgraphClient {
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

  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    httpChain(session, new HttpLink({ uri: httpUrl })),
  );
  const client = new ApolloClient({
    link,
    cache: createCache(),
  });

  session.refresher = async (refreshToken: string): Promise<Session> => {
    const { data } = await client.mutate({
      mutation: RefreshSessionDocument,
      variables: { refreshToken },
      context: { anonymous: true },
    });
    if (!data) throw new Error('refreshSession returned no data');
    const { accessToken, refreshToken: next, user } = data.refreshSession;
    return { accessToken, refreshToken: next, user: { ...user, roles: [...user.roles] } };
  };

  return {
    client,
    ws,
    dispose() {
      unsubscribe();
      void ws.dispose();
    },
  };
}

function defaultWsUrl(): string {
  const { protocol, host } = globalThis.location ?? { protocol: 'http:', host: 'localhost' };
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}
