// Hive Gateway with its in-flight deduplication of subgraph requests turned off.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
    }),
  },
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: false } },
  },
  logging: 'error',
});
