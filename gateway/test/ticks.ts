import { parse } from 'graphql';
import { viewerFromAuthorization, type TokenVerifier } from '@poolgraph/auth';
import {
  createLogger,
  createMetrics,
  createPubSub,
  createSubgraphService,
  type HttpService,
} from '@poolgraph/platform';
import { TEST_REDIS_URL } from '@poolgraph/testing';

/** A one-field subgraph whose `tick(channel)` subscription publishes what the test puts on Redis. */
export const TICKS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Tick @key(fields: "id") { id: ID! seq: Int! next: Tick }
type Query { ping: String }
type Subscription { tick(channel: String!): Tick! }`;

export interface TicksSubgraph {
  service: HttpService;
  url: string;
  pubsub: ReturnType<typeof createPubSub>;
  stop(): Promise<void>;
}

/**
 * The ticks subgraph, listening on a free port: each `tick(channel)` is `<prefix><channel>` on
 * Redis pub/sub, and a socket whose connection_init carries no valid token is refused.
 */
export async function startTicksSubgraph(
  verifier: TokenVerifier,
  prefix: string,
): Promise<TicksSubgraph> {
  const log = createLogger('ticks', 'silent');
  const pubsub = createPubSub(TEST_REDIS_URL, log);
  const service = createSubgraphService<object>({
    typeDefs: parse(TICKS),
    resolvers: {
      Subscription: {
        tick: {
          subscribe: (_: unknown, { channel }: { channel: string }) =>
            pubsub.pubsub.asyncIterableIterator(`${prefix}${channel}`),
          resolve: (payload: object) => payload,
        },
      },
    },
    context: async () => ({}),
    metrics: createMetrics('ticks'),
    log,
    readiness: [],
    subscriptions: {
      context: async (authorization) => {
        if (!(await viewerFromAuthorization(authorization, verifier))) throw new Error('no');
        return {};
      },
    },
  });
  const url = `${await service.listen(0)}/graphql`;
  return {
    service,
    url,
    pubsub,
    async stop() {
      await service.stop();
      await pubsub.close();
    },
  };
}
