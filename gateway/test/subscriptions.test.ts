import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import { parse } from 'graphql';
import WebSocket from 'ws';
import {
  createLogger,
  createMetrics,
  createSubgraphService,
  type HttpService,
} from '@poolgraph/platform';
import { startPrivateRedis, uniqueRedisPrefix, type PrivateRedis } from '@poolgraph/testing';
import {
  createTestKeys,
  eventually,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';
import type { TokenVerifier } from '@poolgraph/auth';
import { viewerFromAuthorization } from '@poolgraph/auth';
import { openTickStream, type TickStream } from './ticks.ts';

// A subgraph that owns a Subscription fed by a Redis stream tail, and another that owns a field of
// the entity the events carry: the gateway must merge both per event.
const TICKS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Tick @key(fields: "id") { id: ID! seq: Int! viewer: String! }
type Query { ping: String }
type Subscription { tick(channel: String!): Tick! }`;
const NAMES = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Tick @key(fields: "id") { id: ID! label: String! }
type Query { version: String }`;

const prefix = uniqueRedisPrefix('gateway-subs');
const log = createLogger('ticks', 'silent');
// A Redis of this file's own, so that restarting it disturbs no other test.
let redis: PrivateRedis;
let ticksStream: TickStream;
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let ticks: { service: HttpService; url: string; port: number };
let names: TestSubgraph;
let gateway: StartedGateway;
const clients: Client[] = [];
let supergraphSdl: string;
/** Every Tick the names subgraph resolved, to count entity fetches per event. */
const resolvedLabels: string[] = [];
/**
 * The token of every subscription the ticks subgraph was asked for: counted where one starts,
 * not in the context function, which the subgraph also calls to re-check a running
 * subscription's credentials (every 2 s, so a test on a loaded machine saw "two").
 */
const upstreamTokens: string[] = [];

interface TicksContext {
  viewer: string;
  authorization?: string;
}

async function startTicks(verifier: TokenVerifier, port = 0) {
  const service = createSubgraphService<TicksContext>({
    typeDefs: parse(TICKS),
    resolvers: {
      Subscription: {
        tick: {
          subscribe: (_: unknown, { channel }: { channel: string }, context: TicksContext) => {
            upstreamTokens.push(context.authorization ?? '');
            return ticksStream.tail.subscribe(channel, { map: ({ id, seq }) => ({ id, seq }) });
          },
          resolve: (
            payload: { id: string; seq: number },
            _args: unknown,
            context: { viewer: string },
          ) => ({ ...payload, viewer: context.viewer }),
        },
      },
    },
    context: async () => ({ viewer: 'http' }),
    metrics: createMetrics('ticks'),
    log,
    readiness: [],
    subscriptions: {
      context: async (authorization) => {
        const viewer = await viewerFromAuthorization(authorization, verifier);
        if (!viewer) throw new Error('anonymous');
        return { viewer: viewer.userId, authorization };
      },
    },
  });
  const base = await service.listen(port);
  return { service, url: `${base}/graphql`, port: Number(new URL(base).port) };
}

/**
 * Settles when the gateway listens again after a restart. A reconnecting client waits for it
 * between attempts, as a real one backs off until the server is back: a fixed number of 100 ms
 * retries ran out on a busy machine before the gateway had restarted.
 */
let gatewayBack: Promise<unknown> = Promise.resolve();

function connect(token: string | undefined, closed?: (code: number) => void, retryAttempts = 0) {
  const client = createClient({
    url: `${gateway.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts,
    retryWait: async () => {
      await gatewayBack;
      await new Promise((resolve) => setTimeout(resolve, 100));
    },
    lazy: false,
    on: { closed: (event) => closed?.((event as { code: number }).code) },
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

function collect(client: Client, channel: string) {
  const events: Array<{ data?: unknown; errors?: unknown }> = [];
  let done = false;
  const stop = client.subscribe(
    {
      query: `subscription($c: String!) { tick(channel: $c) { id seq viewer label } }`,
      variables: { c: channel },
    },
    {
      next: (e) => void events.push(e),
      error: (e) => void events.push({ errors: e }),
      complete: () => (done = true),
    },
  );
  return { events, stop, isDone: () => done };
}

const publish = (channel: string, seq: number) => ticksStream.publish(channel, seq);

beforeAll(async () => {
  redis = await startPrivateRedis();
  ticksStream = openTickStream(redis.url, prefix);
  keys = await createTestKeys();
  ticks = await startTicks(keys.verifier);
  names = await startSubgraph('names', NAMES, {
    Tick: {
      __resolveReference: async (ref: { id: string }) => {
        resolvedLabels.push(ref.id);
        // One slow entity fetch, to check that events still arrive in order.
        if (ref.id === 't900') await new Promise((resolve) => setTimeout(resolve, 300));
        return { id: ref.id, label: `label of ${ref.id}` };
      },
    },
  });
  const sdl = supergraphOf(
    { name: 'ticks', url: ticks.url, typeDefs: TICKS, file: 'ticks.graphql' },
    names.source(),
  );
  supergraphSdl = sdl;
  gateway = await startGateway({ supergraphSdl: sdl }, keys.verifier);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await gateway?.service.stop();
  await ticks?.service.stop();
  await names?.service.stop();
  await ticksStream?.close();
  await redis?.stop();
});

/** Subscriptions reach the subgraph asynchronously; publish until the first event arrives. */
async function publishUntilReceived(channel: string, events: unknown[], seq = 1) {
  await eventually(async () => {
    await publish(channel, seq);
    if (events.length === 0) throw new Error('nothing yet');
  });
}

describe('subscriptions through the gateway', () => {
  it('delivers each event with the fields of other subgraphs filled in', async () => {
    const client = connect(await keys.sign('user-1'));
    const { events } = collect(client, 'a');
    await publishUntilReceived('a', events);
    await publish('a', 2);
    // Retried publishes of seq 1 may still arrive first: wait for seq 2 itself.
    await eventually(async () =>
      expect(events.at(-1)).toEqual({
        data: { tick: { id: 't2', seq: 2, viewer: 'user-1', label: 'label of t2' } },
      }),
    );
  });

  it('closes the socket with 4401 without a token or with a bad one', async () => {
    const codes: number[] = [];
    connect(undefined, (code) => codes.push(code));
    connect('not-a-token', (code) => codes.push(code));
    await eventually(async () => expect(codes).toEqual([4401, 4401]));
  });

  it('carries every client over one upstream connection, and frees it when they leave', async () => {
    const subscribers = await Promise.all(
      [1, 2, 3].map(async (n) => collect(connect(await keys.sign(`user-${n}`)), 'shared')),
    );
    await eventually(async () => {
      await publish('shared', 1);
      expect(subscribers.every((s) => s.events.length > 0)).toBe(true);
    });
    // Only the gateway talks to this subgraph, and only over WebSocket.
    const connections = await new Promise<number>((resolve) =>
      ticks.service.server.getConnections((_e, n) => resolve(n)),
    );
    expect(connections).toBe(1);
    // Three users: three upstream subscriptions over that one connection.
    expect(ticksStream.tail.listening('shared')).toBe(3);
    subscribers.forEach((s) => s.stop());
    // Down to the subgraph's stream tail: nobody listens to the channel any more.
    await eventually(async () => expect(ticksStream.tail.listening('shared')).toBe(0));
  });

  it('ends the subscription when the token expires', async () => {
    const client = connect(await keys.sign('short', Math.floor(Date.now() / 1000) + 2));
    const subscription = collect(client, 'expiring');
    await publishUntilReceived('expiring', subscription.events);
    // At the first 2 s check after the expiry.
    await eventually(async () => expect(subscription.isDone()).toBe(true), 10_000);
    expect(JSON.stringify(subscription.events.at(-1))).toContain('UNAUTHENTICATED');
  });

  it('reconnects and resubscribes when the owning subgraph restarts', async () => {
    const client = connect(await keys.sign('user-r'));
    const { events } = collect(client, 'restart');
    await publishUntilReceived('restart', events);
    await ticks.service.stop();
    ticks = await startTicks(keys.verifier, ticks.port);
    // Wait for seq 99 itself: a retried publish of seq 1 may still arrive after the restart.
    await eventually(async () => {
      await publish('restart', 99);
      expect(events.at(-1)).toMatchObject({ data: { tick: { seq: 99, label: 'label of t99' } } });
    }, 10_000);
  });

  it('delivers again after Redis restarts', async () => {
    const client = connect(await keys.sign('user-redis'));
    const { events } = collect(client, 'redis');
    await publishUntilReceived('redis', events);
    await redis.restart();
    await eventually(async () => {
      await publish('redis', 7).catch(() => undefined);
      expect(events.at(-1)).toMatchObject({ data: { tick: { seq: 7 } } });
    }, 15_000);
  });

  it('resolves an event once per user, however many tabs and sessions they watch it from', async () => {
    const token = await keys.sign('tabs');
    // Another login of the same user: a different token (another expiry), the same identity.
    const otherSession = await keys.sign('tabs', Math.floor(Date.now() / 1000) + 400);
    expect(otherSession).not.toBe(token);
    const watchers = [
      ...[connect(token), connect(token), connect(token)].map((c) => collect(c, 'tabs')),
      collect(connect(otherSession), 'tabs'),
    ];
    const someoneElse = collect(connect(await keys.sign('someone-else')), 'tabs');
    const everyone = [...watchers, someoneElse];
    await eventually(async () => {
      await publish('tabs', 1);
      expect(everyone.every((s) => s.events.length > 0)).toBe(true);
    });
    resolvedLabels.length = 0;
    await publish('tabs', 500);
    await eventually(async () =>
      expect(everyone.every((s) => JSON.stringify(s.events.at(-1)).includes('t500'))).toBe(true),
    );
    // One resolution for the user's four subscriptions, one for the other user.
    expect(resolvedLabels.filter((id) => id === 't500')).toHaveLength(2);
  });

  it('resolves an event once for every admin, and still once per other user', async () => {
    const later = Math.floor(Date.now() / 1000) + 300;
    const admins = ['admin-a', 'admin-b', 'admin-c'];
    const watchers = await Promise.all(
      admins.map(async (id) => collect(connect(await keys.sign(id, later, ['ADMIN'])), 'ops')),
    );
    const investors = await Promise.all(
      ['investor-a', 'investor-b'].map(async (id) => collect(connect(await keys.sign(id)), 'ops')),
    );
    const everyone = [...watchers, ...investors];
    await eventually(async () => {
      await publish('ops', 1);
      expect(everyone.every((s) => s.events.length > 0)).toBe(true);
    });
    resolvedLabels.length = 0;
    await publish('ops', 700);
    await eventually(async () =>
      expect(everyone.every((s) => JSON.stringify(s.events.at(-1)).includes('t700'))).toBe(true),
    );
    // One resolution shared by the three admins, one for each investor.
    expect(resolvedLabels.filter((id) => id === 't700')).toHaveLength(3);
    const frames = everyone.map((s) => s.events.at(-1) as { data: { tick: { viewer: string } } });
    // Each investor sees what was resolved for them, never an admin's answer.
    expect(frames.slice(3).map((f) => f.data.tick.viewer)).toEqual(['investor-a', 'investor-b']);
    expect(admins).toContain(frames[0]!.data.tick.viewer);
    expect(new Set(frames.slice(0, 3).map((f) => JSON.stringify(f))).size).toBe(1);
  });

  it('delivers events in the order they happened when an earlier one resolves slower', async () => {
    const watcher = collect(connect(await keys.sign('in-order')), 'order');
    await publishUntilReceived('order', watcher.events);
    await publish('order', 900);
    await publish('order', 901);
    await eventually(async () => expect(JSON.stringify(watcher.events.at(-1))).toContain('t901'));
    const ids = watcher.events.map((e) => (e.data as { tick: { id: string } }).tick.id);
    expect(ids.slice(-2)).toEqual(['t900', 't901']);
  });

  it('moves a shared upstream subscription to a fresher session before its token expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    // Expires in 32 s: the upstream, made with it, moves 30 s before that.
    const expiring = await keys.sign('rotating', now + 32);
    const fresh = await keys.sign('rotating', now + 600);
    const early = collect(connect(expiring), 'rotate');
    await publishUntilReceived('rotate', early.events);
    const late = collect(connect(fresh), 'rotate');
    await eventually(async () => expect(upstreamTokens).toContain(`Bearer ${fresh}`), 5_000);
    await eventually(async () => {
      await publish('rotate', 77);
      expect(late.events.at(-1)).toMatchObject({ data: { tick: { seq: 77, viewer: 'rotating' } } });
    });
    // The same user's two sessions shared one upstream subscription until the move.
    expect(upstreamTokens.filter((t) => t === `Bearer ${expiring}`)).toHaveLength(1);
    expect(upstreamTokens.filter((t) => t === `Bearer ${fresh}`)).toHaveLength(1);
  });

  it('lets clients reconnect and resubscribe when the gateway restarts', async () => {
    const client = connect(await keys.sign('user-g'), undefined, 20);
    const { events } = collect(client, 'gateway-restart');
    await publishUntilReceived('gateway-restart', events);
    const port = Number(new URL(gateway.url).port);
    let back = () => {};
    gatewayBack = new Promise<void>((resolve) => (back = resolve));
    await gateway.service.stop();
    gateway = await startGateway({ supergraphSdl }, keys.verifier, { port });
    back();
    await eventually(async () => {
      await publish('gateway-restart', 42);
      expect(events.at(-1)).toMatchObject({ data: { tick: { seq: 42, label: 'label of t42' } } });
    }, 10_000);
  });
});
