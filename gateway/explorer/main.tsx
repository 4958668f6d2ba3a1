import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import type { Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { createRoot } from 'react-dom/client';

const httpUrl = new URL('/graphql', location.href).toString();
const wsUrl = httpUrl.replace(/^http/, 'ws');

/**
 * Queries and mutations over HTTP with the Headers tab's headers; subscriptions over graphql-ws
 * with that tab's Authorization sent in connection_init (one socket per token).
 */
const fetchers = new Map<string, Fetcher>();
const fetcher: Fetcher = (params, options) => {
  const headers = (options?.headers ?? {}) as Record<string, string>;
  const authorization =
    Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '';
  let forToken = fetchers.get(authorization);
  if (!forToken) {
    forToken = createGraphiQLFetcher({
      url: httpUrl,
      wsClient: createClient({
        url: wsUrl,
        lazy: true,
        connectionParams: authorization ? { authorization } : {},
      }),
    });
    fetchers.set(authorization, forToken);
  }
  return forToken(params, options);
};

const initialQuery = `# Poolgraph explorer (development only).
#
# 1. Run LogIn with a demo account (npm start prints them).
# 2. Copy accessToken into the Headers tab below:
#      { "authorization": "Bearer <accessToken>" }
# 3. Run Me, or a subscription such as PoolBalance (it uses the same header).

mutation LogIn {
  logIn(email: "manager@demo.poolgraph.dev", password: "poolgraph-demo-2026") {
    accessToken
    user { id name roles }
  }
}

query Me {
  me { id name managedPools { id name cashBalance { amount currency } } }
}

subscription PoolBalance($poolId: ID!) {
  balanceChanged(poolId: $poolId) {
    cashBalance { amount currency }
    transaction { type amount { amount currency } }
  }
}
`;

createRoot(document.getElementById('explorer')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={initialQuery} defaultHeaders={'{\n  \n}'} />,
);
