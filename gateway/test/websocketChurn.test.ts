import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createLogger, type RedisClient } from '@poolgraph/platform';
import { TEST_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '@poolgraph/testing';
import {
  createTestKeys,
  startGateway,
  supergraphOf,
  trustOf,
  type StartedGateway,
} from './helpers.ts';
import { startTicksSubgraph, TICKS, type TicksSubgraph } from './ticks.ts';
import { DEFAULT_WEBSOCKET_LIMITS } from '../src/limits/config.ts';

// Subscribe/complete churn and connection attempts over the socket cost what HTTP requests
// cost, from the same GCRA buckets; per-address limits count the resolved client.
const prefix = uniqueRedisPrefix('gateway-ws-churn');
const log = createLogger('ticks', 'silent');
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let ticks: TicksSubgraph;
let redis: RedisClient;
let gateway: StartedGateway;
let wsUrl: string;

beforeAll(async () => {
  redis = connectRedis(TEST_REDIS_URL, log);
  keys = await createTestKeys();
  ticks = await startTicksSubgraph(keys.verifier, prefix);
  const url = ticks.url;
  const supergraphSdl = supergraphOf({ name: 'ticks', url, typeDefs: TICKS, file: 't.graphql' });
  gateway = await startGateway({ supergraphSdl }, keys.verifier, {
    redis,
    redisPrefix: prefix,
    trustedProxies: trustOf('loopback'),
    limits: {
      rate: { perKey: 0, perUser: 4, perIp: 2 },
      webSocket: { ...DEFAULT_WEBSOCKET_LIMITS, connectionsPerIp: 1 },
    },
  });
  wsUrl = `${gateway.url.replace('http', 'ws')}/graphql`;
});
afterAll(async () => {
  await gateway?.service.stop();
  await ticks?.stop();
  await deleteRedisKeys(TEST_REDIS_URL, prefix);
  redis?.disconnect();
});

interface Message {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw graphql-ws socket from `forwardedFor` (as the web app's server passes it on). */
async function socketFrom(forwardedFor: string) {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', {
    headers: { 'x-forwarded-for': forwardedFor },
  });
  const messages: Message[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as Message);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  /** The next message matching `test`, or undefined when the socket closes first. */
  const next = async (test: (m: Message) => boolean): Promise<Message | undefined> => {
    for (;;) {
      const found = messages.findIndex(test);
      if (found >= 0) return messages.splice(found, 1)[0];
      const more = new Promise<void>((resolve) => waiters.push(resolve));
      if ((await Promise.race([more.then(() => 'more'), closed])) !== 'more') return undefined;
    }
  };
  const send = (message: object) => socket.send(JSON.stringify(message));
  return { socket, closed, next, send };
}

const init = (token: string) => ({
  type: 'connection_init',
  payload: { authorization: `Bearer ${token}` },
});
const subscribeMessage = (id: string) => ({
  id,
  type: 'subscribe',
  payload: { query: `subscription { tick(channel: "${id}") { id seq } }` },
});

describe('WebSocket churn and addresses', () => {
  it('refuses a subscribe past the user’s request allowance; subscribes and completes both count', async () => {
    // perUser 4: connection_init, subscribe 1, complete 1, subscribe 2, complete 2 (over)…
    const client = await socketFrom('198.51.100.10');
    client.send(init(await keys.sign('churner')));
    expect((await client.next((m) => m.type === 'connection_ack'))?.type).toBe('connection_ack');
    for (const id of ['1', '2']) {
      client.send(subscribeMessage(id));
      await new Promise((resolve) => setTimeout(resolve, 100));
      client.send({ id, type: 'complete' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.send(subscribeMessage('3'));
    const refused = await client.next((m) => m.id === '3' && m.type === 'error');
    expect(refused?.payload).toEqual([
      {
        message: expect.stringMatching(/^Too many requests for this user; retry after \d+ s\.$/),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
      },
    ]);
    // The socket stays usable: the caller is told to wait, not disconnected.
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it('charges refused connection_inits to the address, then closes with 4429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const client = await socketFrom('198.51.100.20');
      client.send(init('not-a-token'));
      codes.push((await client.closed).code);
    }
    expect(codes).toEqual([4401, 4401, 4429]);
  });

  it('counts connections per resolved client address, not per proxy', async () => {
    const first = await socketFrom('203.0.113.30');
    const other = await socketFrom('203.0.113.31');
    const second = await socketFrom('203.0.113.30');
    expect(await second.closed).toEqual({
      code: 4429,
      reason: 'Too many connections from this address',
    });
    other.send(init(await keys.sign('other-address')));
    expect((await other.next((m) => m.type === 'connection_ack'))?.type).toBe('connection_ack');
    first.socket.close();
    other.socket.close();
  });
});
