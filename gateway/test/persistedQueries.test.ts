import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRedis, createLogger } from '@poolgraph/platform';
import { errorCodes, eventually, expectData, graphql, TEST_REDIS_URL } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';

let stack: Stack;
let user: TestUser;
let dir: string;
const clients: Client[] = [];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ME = 'query Me { me { id } }';
const POOLS = 'query Pools { pools { id } }';
const TRANSACTIONS = 'subscription Posted($p: ID!) { transactionPosted(poolId: $p) { id } }';

const manifest = (...bodies: string[]) =>
  JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: bodies.map((body) => ({
      id: sha256(body),
      name: /^\w+ (\w+)/.exec(body)![1],
      type: body.split(' ')[0],
      body,
    })),
  });

type Reply = {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

/** Apollo's APQ protocol: the hash alone, or the hash with the query to register it. */
async function persisted(url: string, query: string | undefined, hash: string, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    }),
  });
  return { status: response.status, ...((await response.json()) as object) } as Reply;
}

const codes = (reply: Reply) => (reply.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pq-'));
  await writeFile(join(dir, 'client.json'), manifest(ME, TRANSACTIONS));
  stack = await startStack({
    without: ['alerts', 'reports'],
    gateway: { persistedQueriesDir: dir },
  });
  user = await stack.signUp('INVESTOR');
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('automatic persisted queries', () => {
  it('registers on one gateway and hits on another that shares its Redis', async () => {
    const other = await stack.startGateway();
    const query = `query Unique { me { id } } # ${Math.random()}`;
    const hash = sha256(query);
    expect(codes(await persisted(stack.gatewayUrl, undefined, hash, user.token))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const registered = await persisted(stack.gatewayUrl, query, hash, user.token);
    expect(registered.data).toEqual({ me: { id: user.userId } });
    const hit = await persisted(other.url, undefined, hash, user.token);
    expect(hit.data).toEqual({ me: { id: user.userId } });
    const redis = connectRedis(TEST_REDIS_URL, createLogger('test', 'silent'));
    try {
      const key = `${stack.redisPrefix}gateway:apq:${hash}`;
      expect(await redis.get(key)).toBe(query);
      expect(await redis.ttl(key)).toBeGreaterThan(3600);
    } finally {
      redis.disconnect();
    }
  });

  it('refuses a hash that does not match the query', async () => {
    const reply = await persisted(stack.gatewayUrl, ME, sha256('something else'), user.token);
    expect(reply.status).toBe(400);
    expect(reply.data).toBeUndefined();
  });

  it('runs manifest operations by id without any registration', async () => {
    const reply = await persisted(stack.gatewayUrl, undefined, sha256(ME), user.token);
    expect(reply.data).toEqual({ me: { id: user.userId } });
  });
});

describe('manifests', () => {
  it('picks up a new manifest and keeps the previous set when one is bad', async () => {
    const hash = sha256(POOLS);
    const enforced = await stack.startGateway({ persistedQueriesDir: dir, safelist: true });
    expect(codes(await persisted(enforced.url, undefined, hash, user.token))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    await writeFile(join(dir, 'partner.json'), manifest(POOLS));
    await eventually(async () => {
      const reply = await persisted(enforced.url, undefined, hash, user.token);
      expect(reply.errors).toBeUndefined();
      expect(Array.isArray(reply.data!.pools)).toBe(true);
    });
    // A broken edit: wrong id, then not JSON at all. The file's previous operations stay.
    await writeFile(
      join(dir, 'partner.json'),
      manifest(POOLS).replace(sha256(POOLS), sha256('other')),
    );
    await writeFile(join(dir, 'client.json'), '{ "format": ');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await persisted(enforced.url, undefined, hash, user.token)).errors).toBeUndefined();
    const me = await persisted(enforced.url, undefined, sha256(ME), user.token);
    expect(me.data).toEqual({ me: { id: user.userId } });
    await writeFile(join(dir, 'client.json'), manifest(ME, TRANSACTIONS));
  });
});

describe('SAFELIST=enforce', () => {
  let url: string;
  beforeAll(async () => {
    url = (await stack.startGateway({ persistedQueriesDir: dir, safelist: true })).url;
  });

  it('refuses query text and APQ registration with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const text = await graphql(url, ME, {}, { token: user.token });
    expect(text.status).toBe(400);
    expect(errorCodes(text)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const query = `query Register { me { id } } # ${Math.random()}`;
    const register = await persisted(url, query, sha256(query), user.token);
    expect(codes(register)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const anonymous = await graphql(url, '{ __typename }');
    expect(errorCodes(anonymous)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND and runs a manifest id', async () => {
    expect(codes(await persisted(url, undefined, sha256('{ nope }'), user.token))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const reply = await persisted(url, undefined, sha256(ME), user.token);
    expect(reply.data).toEqual({ me: { id: user.userId } });
  });

  it('accepts only manifest subscriptions over WebSocket', async () => {
    const manager = await stack.signUp('MANAGER');
    const pool = expectData(
      await graphql<{ createPool: { id: string } }>(
        stack.gatewayUrl,
        'mutation { createPool(input: { name: "Safelisted", currency: "USD" }) { id } }',
        {},
        { token: manager.token },
      ),
    ).createPool.id;
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${manager.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const outcome = (query: string) =>
      new Promise<unknown>((resolve) => {
        const stop = client.subscribe(
          { query, variables: { p: pool } },
          {
            next: (value) => resolve(value),
            error: (errors) => resolve({ errors }),
            complete: () => resolve('complete'),
          },
        );
        // A subscription that was accepted stays silent until an event: that is the answer.
        setTimeout(() => {
          stop();
          resolve('accepted');
        }, 1_000);
      });
    const other = 'subscription Other($p: ID!) { transactionPosted(poolId: $p) { id status } }';
    const refused = (await outcome(other)) as { errors: Array<{ extensions: { code: string } }> };
    expect(refused.errors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    expect(await outcome(TRANSACTIONS)).toBe('accepted');
  });
});
