import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeerWebSocket, dropDatabase, peerFetch, trustPeerCa } from '@poolgraph/platform';
import { composeSupergraph, readSupergraphConfig, withUrls } from '@poolgraph/supergraph';
import {
  deleteRedisKeys,
  ensureCertificates,
  eventually,
  expectData,
  freePort,
  graphql,
  TEST_MYSQL_SERVER,
  TEST_REDIS_URL,
} from '@poolgraph/testing';
import {
  SUBGRAPHS,
  startProcessStack,
  type ProcessStack,
  type ServiceName,
  type SubgraphName,
} from '../lib/stack.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVICES: ServiceName[] = [...SUBGRAPHS, 'gateway'];
const REPLICAS = 2;
const id = randomBytes(4).toString('hex');
const databaseOf = (name: SubgraphName) => `pgfleet_${name}_${id}`;
const redisPrefix = `pgfleet:${id}:`;
const runDir = mkdtempSync(join(tmpdir(), 'poolgraph-fleet-test-'));
const output: string[] = [];
// As `npm run fleet -- --tls`: HAProxy terminates TLS and verifies the replicas, which serve
// HTTPS and call each other over it (the plain fleet runs in scripts/test/chaos.test.ts).
const certs = ensureCertificates(join(runDir, 'certs'), { names: SERVICES });

let stack: ProcessStack;
let url: string;
let manager: { token: string };
let investor: { token: string };
let poolId: string;

const READ = 'query($id: ID!) { pool(id: $id) { id name cashBalance { amount } } }';

async function signUp(role: 'MANAGER' | 'INVESTOR') {
  const input = {
    email: `${randomBytes(6).toString('hex')}@fleet.poolgraph.dev`,
    password: `pw-${randomBytes(12).toString('hex')}`,
    name: `${role.toLowerCase()} ${randomBytes(2).toString('hex')}`,
    role,
  };
  const { signUp: session } = expectData(
    await graphql<{ signUp: { accessToken: string } }>(
      url,
      'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
      { input },
    ),
  );
  return { token: session.accessToken };
}

const call = async <T>(query: string, variables: Record<string, unknown>, token: string) =>
  expectData(await graphql<T>(url, query, variables, { token }));

const contribute = (amount: string) =>
  call<{ contribute: { id: string } }>(
    'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
    { p: poolId, a: amount, k: randomBytes(8).toString('hex') },
    investor.token,
  );

type Outcome = 'ok' | 'connection' | `http ${number}` | 'unavailable' | `other: ${string}`;

/** One read through HAProxy, classified: anything but the first four is a lost request. */
const read = () => send(READ, { id: poolId }, manager.token, (d) => d.pool?.id === poolId);

async function send(
  query: string,
  variables: Record<string, unknown>,
  token: string,
  ok: (data: Record<string, { id: string } | undefined>) => boolean,
): Promise<Outcome> {
  let response: Response;
  try {
    response = await peerFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return 'connection';
  }
  if (response.status === 502 || response.status === 503) return `http ${response.status}`;
  const text = await response.text();
  try {
    const body = JSON.parse(text) as {
      data?: Record<string, { id: string } | undefined>;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    if (!body.errors?.length && body.data && ok(body.data)) return 'ok';
    if (body.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')) {
      return 'unavailable';
    }
  } catch {
    // not JSON
  }
  return `other: ${response.status} ${text.slice(0, 200)}`;
}

const tally = (list: Outcome[]) =>
  list.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

beforeAll(async () => {
  trustPeerCa(readFileSync(certs.ca, 'utf8'));
  const ports = Object.fromEntries(
    await Promise.all(SERVICES.map(async (name) => [name, await freePort()])),
  ) as Record<ServiceName, number>;
  const replicaPorts = Object.fromEntries(
    await Promise.all(
      SERVICES.map(async (name) => [
        name,
        await Promise.all(Array.from({ length: REPLICAS }, () => freePort())),
      ]),
    ),
  ) as Record<ServiceName, number[]>;
  const supergraphPath = join(runDir, 'supergraph.graphql');
  // The gateways' supergraph routes every subgraph to its HAProxy frontend, not to one replica.
  const urls = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, `https://127.0.0.1:${ports[name]}/graphql`]),
  );
  writeFileSync(
    supergraphPath,
    composeSupergraph(withUrls(readSupergraphConfig(resolve(ROOT, 'supergraph.yaml')), urls)),
  );
  stack = await startProcessStack({
    mysqlServer: TEST_MYSQL_SERVER,
    databaseOf,
    redisUrl: TEST_REDIS_URL,
    redisPrefix,
    ports,
    supergraphPath,
    logLevel: 'warn',
    print: (line) => void output.push(line),
    tls: certs,
    gatewayEnv: Object.fromEntries(
      ['RATE_LIMIT_PER_KEY', 'RATE_LIMIT_PER_USER', 'RATE_LIMIT_PER_IP'].map((n) => [n, '1000000']),
    ),
    fleet: { replicas: REPLICAS, replicaPort: (name, i) => replicaPorts[name][i]!, runDir },
  });
  url = stack.gatewayUrl;
  manager = await signUp('MANAGER');
  investor = await signUp('INVESTOR');
  const { createPool } = await call<{ createPool: { id: string } }>(
    'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
    { i: { name: 'Fleet pool', currency: 'USD' } },
    manager.token,
  );
  poolId = createPool.id;
  await call('mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId }, manager.token);
  await call(
    'mutation($id: ID!) { joinPool(poolId: $id, commitment: "1000000") { id } }',
    { id: poolId },
    investor.token,
  );
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(
    SUBGRAPHS.map((name) => dropDatabase(`${TEST_MYSQL_SERVER}/${databaseOf(name)}`)),
  );
  await deleteRedisKeys(TEST_REDIS_URL, redisPrefix);
  trustPeerCa(undefined);
  rmSync(runDir, { recursive: true, force: true });
});

describe('npm run fleet -- --tls: two replicas of everything behind HAProxy', () => {
  it('runs every service twice, each replica checked by HAProxy and up', async () => {
    expect(stack.processes.map((p) => p.name).sort()).toEqual(
      SERVICES.flatMap((name) => [`${name}-1`, `${name}-2`]).sort(),
    );
    const servers = await stack.proxy!.servers();
    expect(servers).toHaveLength(SERVICES.length * REPLICAS);
    expect(servers.every((s) => s.status === 'UP')).toBe(true);
  });

  it('serves HTTPS only: every frontend refuses plaintext', async () => {
    expect(url).toMatch(/^https:\/\//);
    for (const service of stack.proxied!) {
      await expect(
        request(`http://127.0.0.1:${service.port}/readyz`),
        service.name,
      ).rejects.toThrow();
    }
  });

  it('serves a query and a contribution through the one URL', async () => {
    await contribute('25.00');
    const { pool } = await call<{ pool: { cashBalance: { amount: string } } }>(
      READ,
      { id: poolId },
      manager.token,
    );
    expect(Number(pool.cashBalance.amount)).toBe(25);
  });

  it('delivers a subscription event through HAProxy’s WebSocket tunnel', async () => {
    const client = createClient({
      url: url.replace(/^https/, 'wss'),
      webSocketImpl: PeerWebSocket,
      connectionParams: { authorization: `Bearer ${manager.token}` },
      retryAttempts: 0,
    });
    try {
      const events: string[] = [];
      const connected = new Promise<void>((r) => client.on('connected', () => r()));
      client.subscribe<{ balanceChanged: { cashBalance: { amount: string } } }>(
        {
          query: 'subscription($p: ID!) { balanceChanged(poolId: $p) { cashBalance { amount } } }',
          variables: { p: poolId },
        },
        {
          next: (event) => {
            if (event.data) events.push(event.data.balanceChanged.cashBalance.amount);
          },
          error: () => {},
          complete: () => {},
        },
      );
      await connected;
      // The subscription reaches a ledger replica (and Redis) asynchronously: pay until heard.
      await eventually(async () => {
        await contribute('1.00');
        expect(events.length).toBeGreaterThan(0);
      }, 15_000);
    } finally {
      await client.dispose();
    }
  });

  it('loses no read a retry cannot repeat, and no contribution, when a gateway and a ledger replica are SIGKILLed', async () => {
    const balance = async () =>
      Number(
        (
          await call<{ pool: { cashBalance: { amount: string } } }>(
            READ,
            { id: poolId },
            manager.token,
          )
        ).pool.cashBalance.amount,
      );
    const before = await balance();
    const outcomes: Outcome[] = [];
    const paid: Outcome[] = [];
    let acknowledged = 0;
    let running = true;
    const loops = Array.from({ length: 3 }, async () => {
      while (running) outcomes.push(await read());
    });
    // Contributions of 2.00, each retried with its own idempotency key until acknowledged.
    const payments = (async () => {
      while (running) {
        const key = randomBytes(8).toString('hex');
        for (let attempt = 0; attempt < 20; attempt++) {
          const outcome = await send(
            'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "2.00", idempotencyKey: $k) { id } }',
            { p: poolId, k: key },
            investor.token,
            (d) => !!d.contribute?.id,
          );
          paid.push(outcome);
          if (outcome === 'ok') {
            acknowledged++;
            break;
          }
          if (outcome.startsWith('other')) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 1_000));
    const victims = ['gateway-1', 'ledger-1'].map((name) => {
      const proc = stack.processes.find((p) => p.name === name)!;
      proc.child.kill('SIGKILL');
      return proc;
    });
    await Promise.all(victims.map((p) => p.exited));
    // The health checks take both out (fall 2 at fastinter 250 ms), the twins stay in.
    await eventually(async () => {
      const status = Object.fromEntries(
        (await stack.proxy!.servers()).map((s) => [s.server, s.status]),
      );
      expect(status).toMatchObject({
        'gateway-1': 'DOWN',
        'ledger-1': 'DOWN',
        'gateway-2': 'UP',
        'ledger-2': 'UP',
      });
    }, 10_000);
    const afterDown = outcomes.length;
    await new Promise((r) => setTimeout(r, 1_500));
    running = false;
    await Promise.all([...loops, payments]);
    // FLEET_TALLY=1 prints how each request ended (ok / connection / unavailable / …).
    if (process.env.FLEET_TALLY) console.info(tally(outcomes), tally(paid), acknowledged);

    // Every acknowledged contribution is in the books exactly once, none of the retried twice.
    expect(paid.filter((o) => o.startsWith('other'))).toEqual([]);
    expect(acknowledged).toBeGreaterThan(3);
    expect(await balance()).toBe(before + 2 * acknowledged);
    const lost = outcomes.filter(
      (o) => !['ok', 'connection', 'http 502', 'http 503', 'unavailable'].includes(o),
    );
    expect(lost).toEqual([]);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(20);
    // Once HAProxy marked them down, every read is served by the survivors.
    expect(outcomes.slice(afterDown).every((o) => o === 'ok')).toBe(true);
    expect(outcomes.length - afterDown).toBeGreaterThan(5);
  });

  it('keeps serving across a reload (haproxy -x -sf): the old process drains and exits', async () => {
    const old = stack.proxy!.processes.at(-1)!;
    const outcomes: Outcome[] = [];
    let running = true;
    const loop = (async () => {
      while (running) outcomes.push(await read());
    })();
    await new Promise((r) => setTimeout(r, 300));
    stack.proxy!.reload(stack.proxied!);
    expect(await old.exited).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await loop;
    expect(outcomes.length).toBeGreaterThan(3);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
  });
});
