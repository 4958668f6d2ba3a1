import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import { parse } from 'graphql';
import WebSocket from 'ws';
import { viewerFromAuthorization } from '@poolgraph/auth';
import {
  createLogger,
  createMetrics,
  createSubgraphService,
  forbidden,
  type HttpService,
} from '@poolgraph/platform';
import {
  createTestKeys,
  eventually,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

// Errors of subscriptions keep their code and message (through the gateway too), internal
// ones are masked as on HTTP, and a subgraph ends every subscription at its token's expiry.
const FEED = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Item @key(fields: "id") { id: ID! }
type Query { ping: String }
type Subscription {
  "One item, then a database failure whose message holds SQL parameters."
  failing: Item!
  "An item every 100 ms, for as long as the subscription lasts."
  endless: Item!
}`;
const OTHER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Item @key(fields: "id") { id: ID! name: String }
type Query { version: String }`;

const SECRET = 'secret.person@example.com';
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let feed: { service: HttpService; url: string };
let other: TestSubgraph;
let gateway: StartedGateway;
const clients: Client[] = [];

async function* failing() {
  yield { failing: { id: 'i1' } };
  throw new Error(`Failed query: select * from users where email = ?\nparams: ${SECRET}`);
}

async function* endless() {
  for (let n = 0; ; n++) {
    yield { endless: { id: `i${n}` } };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  keys = await createTestKeys();
  const service = createSubgraphService<{ userId: string }>({
    typeDefs: parse(FEED),
    resolvers: {
      Subscription: { failing: { subscribe: failing }, endless: { subscribe: endless } },
    },
    context: async () => ({ userId: 'http' }),
    metrics: createMetrics('feed'),
    log: createLogger('feed', 'silent'),
    readiness: [],
    subscriptions: {
      context: async (authorization) => {
        const viewer = await viewerFromAuthorization(authorization, keys.verifier);
        if (viewer?.userId === 'outsider') throw forbidden('Only members can watch this feed.');
        return { userId: viewer?.userId ?? 'anonymous' };
      },
    },
  });
  feed = { service, url: `${await service.listen(0)}/graphql` };
  other = await startSubgraph('other', OTHER, {
    Item: { __resolveReference: (ref: { id: string }) => ({ ...ref, name: `item ${ref.id}` }) },
  });
  gateway = await startGateway(
    {
      supergraphSdl: supergraphOf(
        { name: 'feed', url: feed.url, typeDefs: FEED, file: 'feed.graphql' },
        other.source(),
      ),
    },
    keys.verifier,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await gateway?.service.stop();
  await feed?.service.stop();
  await other?.service.stop();
});

function watch(url: string, token: string, query: string) {
  const client = createClient({
    url: url.replace(/^http/, 'ws').replace(/\/graphql$/, '') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  const events: unknown[] = [];
  let ended = false;
  client.subscribe(
    { query },
    {
      next: (event) => void events.push(event),
      error: (error) => {
        events.push({ error: error instanceof Error ? error.message : error });
        ended = true;
      },
      complete: () => (ended = true),
    },
  );
  return { events, ended: () => ended };
}

describe('subscription errors', () => {
  it('a subgraph’s refusal reaches the client through the gateway with its code and message', async () => {
    const { events, ended } = watch(
      gateway.url,
      await keys.sign('outsider'),
      'subscription { endless { id name } }',
    );
    await eventually(async () => expect(ended()).toBe(true));
    const text = JSON.stringify(events);
    expect(text).toContain('FORBIDDEN');
    expect(text).toContain('Only members can watch this feed.');
    expect(text).not.toContain('toJSON');
  });

  it.each([
    ['directly from the subgraph', () => feed.url],
    ['through the gateway', () => gateway.url],
  ])(
    'a mid-stream failure arrives %s as a masked internal error, without the query or its parameters',
    async (_how, url) => {
      const { events, ended } = watch(
        url(),
        await keys.sign('user-1'),
        'subscription { failing { id } }',
      );
      await eventually(async () => expect(ended()).toBe(true));
      const text = JSON.stringify(events);
      expect(text).toContain('i1');
      expect(text).toContain('Internal server error');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Failed query');
    },
  );

  it('a subgraph ends a subscription at its token’s expiry, saying so', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const { events, ended } = watch(
      feed.url,
      await keys.sign('manager-1', expiresAt),
      'subscription { endless { id } }',
    );
    await eventually(async () => expect(ended()).toBe(true), 8_000);
    expect(Date.now()).toBeGreaterThanOrEqual((expiresAt - 1) * 1000);
    expect(JSON.stringify(events.at(-1))).toMatch(
      /UNAUTHENTICATED.*expired|expired.*UNAUTHENTICATED/,
    );
  });
});
