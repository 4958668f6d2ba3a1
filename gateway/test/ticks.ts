import { parse } from 'graphql';
import { viewerFromAuthorization, type TokenVerifier } from '@poolgraph/auth';
import {
  createLogger,
  createMetrics,
  createRedisClient,
  createStreamTail,
  createSubgraphService,
  type HttpService,
  type StreamTail,
} from '@poolgraph/platform';
import { TEST_REDIS_URL } from '@poolgraph/testing';

/** A one-field subgraph whose `tick(channel)` subscription delivers what the test adds to a stream. */
export const TICKS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Tick @key(fields: "id") { id: ID! seq: Int! next: Tick }
type Query { ping: String }
type Subscription { tick(channel: String!): Tick! }`;

export interface Tick {
  id: string;
  seq: number;
  channel: string;
}

export interface TickStream {
  /** Tailed as the ledger tails `ledger.events`: keyed by channel, resumable by cursor. */
  tail: StreamTail<Tick>;
  /** Adds tick `t<seq>` of `channel` to the stream (the same seq twice is two events). */
  publish(channel: string, seq: number): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The ticks' Redis stream (`<prefix>ticks`) and a tail of it: the same mechanism as the
 * subgraphs' live subscriptions (platform `createStreamTail`), so what the gateway's tests
 * check (delivery, release, restarts) is what production runs on.
 */
export function openTickStream(redisUrl: string, prefix: string): TickStream {
  const redis = createRedisClient(redisUrl);
  const stream = `${prefix}ticks`;
  const tail = createStreamTail<Tick>({
    redisUrl,
    redis,
    stream,
    keyOf: (tick) => tick.channel,
    log: createLogger('ticks', 'silent'),
  });
  return {
    tail,
    publish: (channel, seq) =>
      redis.xadd(stream, '*', 'event', JSON.stringify({ id: `t${seq}`, seq, channel })),
    async close() {
      await tail.close();
      await redis.del(stream).catch(() => undefined);
      redis.disconnect();
    },
  };
}

/** A `tick(channel)` resolver on a tick stream: the channel's ticks from now on. */
export const tickSubscription = (ticks: TickStream) => ({
  subscribe: (_: unknown, { channel }: { channel: string }) =>
    ticks.tail.subscribe(channel, { map: ({ id, seq }) => ({ id, seq }) }),
  resolve: (payload: object) => payload,
});

export interface TicksSubgraph {
  service: HttpService;
  url: string;
  ticks: TickStream;
  stop(): Promise<void>;
}

/**
 * The ticks subgraph, listening on a free port, on its own tick stream under `prefix`; a
 * socket whose connection_init carries no valid token is refused.
 */
export async function startTicksSubgraph(
  verifier: TokenVerifier,
  prefix: string,
): Promise<TicksSubgraph> {
  const log = createLogger('ticks', 'silent');
  const ticks = openTickStream(TEST_REDIS_URL, prefix);
  const service = createSubgraphService<object>({
    typeDefs: parse(TICKS),
    resolvers: { Subscription: { tick: tickSubscription(ticks) } },
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
    ticks,
    async stop() {
      await service.stop();
      await ticks.close();
    },
  };
}
