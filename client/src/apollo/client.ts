import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { Observable, type Subscription } from 'rxjs';
import { createCache, httpChain } from './links.ts';
import type { Session, SessionStore } from './session.ts';
import type { createSubscriptionsLink } from './subscriptions.ts';

export interface PoolgraphClient {
  client: ApolloClient;
  dispose(): void;
}

/** The app's Apollo Client: queries and mutations over HTTP, subscriptions over graphql-ws. */
export function createPoolgraphClient(
  session: SessionStore,
  { httpUrl = '/graphql', wsUrl = defaultWsUrl() } = {},
): PoolgraphClient {
  // The WebSocket side loads with the first subscription (see subscriptions.ts).
  let subscriptions: Promise<ReturnType<typeof createSubscriptionsLink>> | undefined;
  const loadSubscriptions = () =>
    (subscriptions ??= import('./subscriptions.ts').then((m) =>
      m.createSubscriptionsLink(session, wsUrl),
    ));
  const wsLink = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        let inner: Subscription | undefined;
        let closed = false;
        loadSubscriptions().then(
          ({ link }) => {
            if (!closed) inner = link.request(operation).subscribe(observer);
          },
          (error: unknown) => observer.error(error),
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      }),
  );

  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    wsLink,
    httpChain(session, new HttpLink({ uri: httpUrl })),
  );
  const client = apolloClient(link);

  session.refresher = async (refreshToken: string): Promise<Session> => {
    // Imported when first needed: the generated module holds every screen's operations, which
    // the first script a page loads does without.
    const { RefreshSessionDocument } = await import('../__generated__/graphql.ts');
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
    dispose() {
      void subscriptions?.then((s) => s.dispose());
    },
  };
}

function defaultWsUrl(): string {
  const { protocol, host } = globalThis.location ?? { protocol: 'http:', host: 'localhost' };
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * The client over a link. Identical queries in flight are not merged (`queryDeduplication`):
 * live events refetch the screens they change, and a refetch made while an earlier one is on
 * its way would otherwise get that earlier, older answer. A pool page showed a payment's
 * pending step and never its posting, until the next event.
 */
export function apolloClient(link: ApolloLink): ApolloClient {
  return new ApolloClient({ link, cache: createCache(), queryDeduplication: false });
}
