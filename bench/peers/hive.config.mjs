// Hive Gateway as it ships, plus what every deployment needs here: the caller's
// `authorization` header forwarded (the subgraphs verify the JWT themselves).
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
    }),
  },
  logging: 'error',
});
