import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PeerWebSocket, SECURE_HEADERS, peerFetch, trustPeerCa } from '@poolgraph/platform';
import {
  askRedisOnce,
  ensureCertificates,
  eventually,
  expectData,
  graphql,
  startPrivateMariadb,
  startPrivateRedis,
  type CertificateFiles,
  type PrivateMariadb,
  type PrivateRedis,
} from '@poolgraph/testing';
import { startStack, type Stack, type SubgraphName, type TestUser } from '../src/stack.ts';

// TLS on every hop, in one stack: the test's client → gateway (HTTPS, WSS) → subgraphs (HTTPS,
// WSS), subgraphs → each other and the JWKS, every service → MariaDB (require_secure_transport)
// and Redis (TLS port only). Then each listener is tried without TLS, and with another CA.
const SUBGRAPHS: SubgraphName[] = ['users', 'pools', 'ledger', 'alerts', 'reports'];

let dir: string;
let certs: CertificateFiles;
let otherCa: string;
let mariadb: PrivateMariadb;
let redis: PrivateRedis;
let stack: Stack;
const clients: Client[] = [];

const portOf = (url: string) => Number(new URL(url).port);
/** Every HTTP listener of the stack, by name, as https:// base URLs. */
const listeners = () => ({
  gateway: stack.gatewayUrl.replace(/\/graphql$/, ''),
  ...(stack.urls as Record<SubgraphName, string>),
});
const serverTls = (name: string) => ({
  cert: certs.cert(name),
  key: certs.key(name),
  ca: certs.ca,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pgtls-'));
  certs = ensureCertificates(join(dir, 'ours'), {
    names: ['gateway', ...SUBGRAPHS, 'mariadb', 'redis'],
  });
  otherCa = readFileSync(ensureCertificates(join(dir, 'other'), { names: [] }).ca, 'utf8');
  // The servers' readiness checks are clients too: they trust our CA, as TLS_CA makes a process.
  trustPeerCa(readFileSync(certs.ca, 'utf8'));
  [mariadb, redis] = await Promise.all([
    startPrivateMariadb({ tls: serverTls('mariadb') }),
    startPrivateRedis({ tls: serverTls('redis') }),
  ]);
  stack = await startStack({ tls: certs, mysqlServerUrl: mariadb.serverUrl, redisUrl: redis.url });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.stop();
  await Promise.all([redis?.stop(), mariadb?.stop()]);
  trustPeerCa(undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a stack with TLS on every hop', () => {
  it('runs the graph end to end: sign-up, a pool across subgraphs, a live balance over WSS', async () => {
    expect(mariadb.serverUrl).toMatch(/\?tls=true$/);
    expect(redis.url).toMatch(/^rediss:\/\//);
    for (const url of Object.values(listeners())) expect(url).toMatch(/^https:\/\//);

    const manager = await stack.signUp('MANAGER', 'Tess TLS');
    const investor = await stack.signUp('INVESTOR', 'Ivan Investor');
    const as = async <T>(user: TestUser, query: string, variables = {}) =>
      expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));
    const { createPool } = await as<{ createPool: { id: string } }>(
      manager,
      'mutation { createPool(input: { name: "Sealed Fund", currency: "USD", minContribution: "10.00" }) { id } }',
    );
    const poolId = createPool.id;
    await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId });
    // pools asks users (a direct HTTPS call between subgraphs) and the ledger learns the pool
    // through Redis (TLS) before it takes money.
    await as(
      investor,
      'mutation($id: ID!) { joinPool(poolId: $id, commitment: "500.00") { id } }',
      {
        id: poolId,
      },
    );

    // The browser's way in: WSS to the gateway, which subscribes upstream over WSS.
    const events: unknown[] = [];
    const client = createClient({
      url: stack.gatewayUrl.replace(/^https/, 'wss'),
      webSocketImpl: PeerWebSocket,
      connectionParams: { authorization: `Bearer ${manager.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe(
      {
        query:
          'subscription($poolId: ID!) { balanceChanged(poolId: $poolId) { cashBalance { amount } pool { name manager { email } } } }',
        variables: { poolId },
      },
      {
        next: (event) => void events.push(event),
        error: (e) => void events.push({ e }),
        complete: () => {},
      },
    );
    await eventually(async () => {
      const metrics = await (await peerFetch(`${stack.urls.ledger}/metrics`)).text();
      expect(metrics).toMatch(/^ledger_live_subscriptions({[^}]*})? 1$/m);
    });
    await as(
      investor,
      'mutation($poolId: ID!) { contribute(poolId: $poolId, amount: "75.00", idempotencyKey: "tls-1") { id } }',
      { poolId },
    );
    await eventually(async () => expect(events.length).toBeGreaterThan(0));
    expect(events[0]).toEqual({
      data: {
        balanceChanged: {
          cashBalance: { amount: '75.00' },
          pool: { name: 'Sealed Fund', manager: { email: manager.email } },
        },
      },
    });
  });

  it('answers with HSTS and the secure headers over TLS', async () => {
    const response = await peerFetch(`${listeners().gateway}/healthz`);
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(SECURE_HEADERS)) {
      expect(response.headers.get(name)).toBe(value);
    }
  });

  it('refuses a plaintext connection on every listener', async () => {
    for (const [name, url] of Object.entries(listeners())) {
      const plain = `http://127.0.0.1:${portOf(url)}/healthz`;
      await expect(request(plain), name).rejects.toThrow();
      await expect(
        new Promise((resolve, reject) => {
          const socket = new WebSocket(
            `ws://127.0.0.1:${portOf(url)}/graphql`,
            'graphql-transport-ws',
          );
          socket.once('open', () => resolve(socket.close()));
          socket.once('error', reject);
        }),
        `${name} (WebSocket)`,
      ).rejects.toThrow();
    }
    // The same account gets in over TLS and not without: MariaDB 10.11 says "access denied".
    const mysqlPort = portOf(mariadb.serverUrl.replace('mysql:', 'http:'));
    const account = { host: '127.0.0.1', port: mysqlPort, user: 'root' };
    const secure = await createConnection({ ...account, ssl: { ca: readFileSync(certs.ca) } });
    await secure.end();
    await expect(createConnection(account)).rejects.toThrow(/insecure transport|access denied/i);
    await expect(
      askRedisOnce(`redis://127.0.0.1:${portOf(redis.url.replace('rediss:', 'http:'))}`, (c) =>
        c.ping(),
      ),
    ).rejects.toThrow();
  });

  it('refuses every server to a client that trusts another CA', async () => {
    const stranger = new Agent({ connect: { ca: otherCa } });
    try {
      for (const [name, url] of Object.entries(listeners())) {
        await expect(request(`${url}/healthz`, { dispatcher: stranger }), name).rejects.toThrow(
          /unable to verify|self.signed|certificate/i,
        );
      }
    } finally {
      await stranger.close();
    }
    const mysqlPort = portOf(mariadb.serverUrl.replace('mysql:', 'http:'));
    await expect(
      createConnection({
        host: '127.0.0.1',
        port: mysqlPort,
        user: 'root',
        ssl: { ca: otherCa, rejectUnauthorized: true },
      }),
    ).rejects.toThrow(/unable to verify|self.signed|certificate/i);
    const strangerRedis = new Redis(redis.url, {
      tls: { ca: otherCa },
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // ioredis reports the handshake's failure as an error event; connect() only says "closed".
    const errors: string[] = [];
    strangerRedis.on('error', (error: Error) => void errors.push(error.message));
    try {
      await expect(strangerRedis.connect()).rejects.toThrow();
      expect(errors.join('\n')).toMatch(/unable to verify|self.signed|certificate/i);
    } finally {
      strangerRedis.disconnect();
    }
  });
});
