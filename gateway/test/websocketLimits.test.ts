import { connect as connectTcp } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueRedisPrefix } from '@poolgraph/testing';
import {
  createTestKeys,
  eventually,
  startGateway,
  supergraphOf,
  type StartedGateway,
} from './helpers.ts';
import { startTicksSubgraph, TICKS, type TicksSubgraph } from './ticks.ts';

const prefix = uniqueRedisPrefix('gateway-ws-limits');
const LIMITS = {
  maxMessageBytes: 64 * 1024,
  connectionsPerIp: 6,
  connectionsPerUser: 2,
  subscriptionsPerConnection: 2,
  connectionInitTimeoutMs: 300,
};
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let ticks: TicksSubgraph;
let gateway: StartedGateway;
let wsUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  keys = await createTestKeys();
  ticks = await startTicksSubgraph(keys.verifier, prefix);
  const url = ticks.url;
  const supergraphSdl = supergraphOf({
    name: 'ticks',
    url,
    typeDefs: TICKS,
    file: 'ticks.graphql',
  });
  gateway = await startGateway({ supergraphSdl }, keys.verifier, {
    limits: {
      webSocket: LIMITS,
      operations: {
        ...(await import('../src/limits/config.ts')).DEFAULT_OPERATION_LIMITS,
        maxDepth: 3,
      },
    },
  });
  wsUrl = `${gateway.url.replace('http', 'ws')}/graphql`;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.service.stop();
  await ticks?.stop();
});

/** A raw socket, to see close codes graphql-ws' client would retry through. */
function rawSocket(): Promise<{
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

async function initialized(token: string) {
  const raw = await rawSocket();
  raw.socket.send(
    JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
  );
  // The first message, or a "closed" marker when the server closes without one.
  const first = await Promise.race([
    new Promise<string>((resolve) =>
      raw.socket.once('message', (data) => resolve(data.toString())),
    ),
    raw.closed.then(() => '{"type":"closed"}'),
  ]);
  return { ...raw, first: JSON.parse(first) as { type: string } };
}

function subscriber(token: string) {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

function subscribe(client: Client, query: string, channel = 'a') {
  const seen: { errors?: unknown; data?: unknown; complete?: boolean }[] = [];
  const stop = client.subscribe(
    { query, variables: { c: channel } },
    {
      next: (value) => void seen.push(value),
      error: (errors) => void seen.push({ errors }),
      complete: () => void seen.push({ complete: true }),
    },
  );
  return { seen, stop };
}

const TICK = 'subscription($c: String!) { tick(channel: $c) { id seq } }';

describe('WebSocket limits', () => {
  it('closes with 1009 on a 50 MB connection_init as soon as its frame header arrives', async () => {
    const url = new URL(gateway.url);
    const key = Buffer.from('0123456789abcdef').toString('base64');
    const answer = await new Promise<Buffer>((resolve) => {
      const socket = connectTcp(Number(url.port), url.hostname);
      let received = Buffer.alloc(0);
      let upgraded = false;
      socket.on('data', (chunk) => {
        received = Buffer.concat([received, chunk]);
        if (!upgraded && received.includes('\r\n\r\n')) {
          upgraded = true;
          received = received.subarray(received.indexOf('\r\n\r\n') + 4);
          // A masked text frame announcing 50 MB, followed by only 1 KiB of it.
          const header = Buffer.alloc(14);
          header[0] = 0x81;
          header[1] = 0x80 | 127;
          header.writeBigUInt64BE(50n * 1024n * 1024n, 2);
          socket.write(Buffer.concat([header, Buffer.alloc(1024, 0x61)]));
        }
      });
      socket.on('close', () => resolve(received));
      socket.on('error', () => {});
      socket.write(
        `GET /graphql HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
          `sec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\nsec-websocket-protocol: graphql-transport-ws\r\n\r\n`,
      );
    });
    // The server's close frame: opcode 8, then the code 1009 (message too big).
    expect(answer[0]).toBe(0x88);
    expect(answer.readUInt16BE(2)).toBe(1009);
  });

  it('closes with 1009 on a subscribe message above 64 KiB', async () => {
    const { socket, closed } = await initialized(await keys.sign('big-sender'));
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `${TICK} #${'x'.repeat(70_000)}` },
      }),
    );
    expect((await closed).code).toBe(1009);
  });

  it('closes a socket that sends no connection_init in time with 4408', async () => {
    const { closed } = await rawSocket();
    expect(await closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  });

  it("closes a user's connection above the per-user maximum with 4429, and admits others", async () => {
    const token = await keys.sign('many-tabs');
    const first = await initialized(token);
    const second = await initialized(token);
    expect([first.first.type, second.first.type]).toEqual(['connection_ack', 'connection_ack']);
    const third = await initialized(token);
    expect(await third.closed).toEqual({
      code: 4429,
      reason: 'Too many connections for this user',
    });
    const other = await initialized(await keys.sign('someone-else'));
    expect(other.first.type).toBe('connection_ack');
    // A closed connection frees its place.
    first.socket.close();
    await first.closed;
    await eventually(async () =>
      expect((await initialized(token)).first.type).toBe('connection_ack'),
    );
    for (const { socket } of [second, other]) socket.close();
  });

  it('closes connections from one address above the per-address maximum with 4429', async () => {
    const open = await Promise.all(
      Array.from({ length: LIMITS.connectionsPerIp }, () => rawSocket()),
    );
    const extra = await rawSocket();
    expect(await extra.closed).toEqual({
      code: 4429,
      reason: 'Too many connections from this address',
    });
    for (const { socket } of open) socket.close();
    await Promise.all(open.map(({ closed }) => closed));
  });

  it('refuses a subscription above the per-connection maximum until one completes', async () => {
    const client = subscriber(await keys.sign('subscriber'));
    const a = subscribe(client, TICK, 'a');
    const b = subscribe(client, TICK, 'b');
    const c = subscribe(client, TICK, 'c');
    await eventually(async () => expect(c.seen).toHaveLength(1));
    expect(c.seen[0]).toMatchObject({
      errors: [
        {
          message: 'A connection may run at most 2 subscriptions; complete one first.',
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
        },
      ],
    });
    a.stop();
    const d = subscribe(client, TICK, 'd');
    await eventually(async () => {
      await ticks.ticks.publish('d', 1);
      expect(d.seen[0]).toEqual({ data: { tick: { id: 't1', seq: 1 } } });
    });
    b.stop();
    d.stop();
  });

  it('refuses a subscription deeper than the maximum depth with QUERY_TOO_COMPLEX', async () => {
    const client = subscriber(await keys.sign('deep'));
    const deep = subscribe(
      client,
      'subscription($c: String!) { tick(channel: $c) { next { next { id } } } }',
    );
    await eventually(async () => expect(deep.seen).toHaveLength(1));
    expect(deep.seen[0]).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 3, actual: 4 } }],
    });
  });
});
