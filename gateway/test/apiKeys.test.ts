import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql, connectRedis, createLogger } from '@poolgraph/platform';
import { TEST_REDIS_URL, errorCodes, eventually, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { schema as usersSchema } from '@poolgraph/users/db';
import { sql } from 'drizzle-orm';
import { request } from 'undici';

let stack: Stack;
let admin: TestUser;
let manifestDir: string;
let poolId: string;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const OPERATIONS = {
  pools: 'query Pools { pools { id name cashBalance { amount } } }',
  top: 'query Top { topInvestors(limit: 3) { uniquePools } }',
  contribute:
    'mutation Contribute($p: ID!) { contribute(poolId: $p, amount: "10.00", idempotencyKey: "k1") { id } }',
};
const idOf = (body: string) => sha256(body);

const CREATE = `mutation Create($name: String!, $scopes: [String!]!) {
  createApiKey(name: $name, scopes: $scopes) {
    secret
    apiKey { id name scopes prefix createdAt lastUsedAt revokedAt }
  }
}`;

interface Created {
  secret: string;
  apiKey: { id: string; prefix: string; scopes: string[]; lastUsedAt: string | null };
}

async function createKey(scopes: string[], name = 'Partner'): Promise<Created> {
  const data = expectData(
    await graphql<{ createApiKey: Created }>(
      stack.gatewayUrl,
      CREATE,
      { name, scopes },
      { token: admin.token },
    ),
  );
  return data.createApiKey;
}

/** A manifest operation by id, as partners call: `x-api-key`, no query text. */
async function byId(url: string, secret: string, body: string, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: idOf(body) } },
    }),
  });
  return { status: response.status, ...((await response.json()) as Record<string, unknown>) } as {
    status: number;
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

/** The token the gateway would get for a key, for calls that bypass the gateway. */
async function exchange(secret: string) {
  const response = await fetch(`${stack.urls.users}/api-keys/token`, {
    method: 'POST',
    headers: { 'x-api-key': secret },
  });
  return { status: response.status, body: (await response.json()) as { accessToken?: string } };
}

beforeAll(async () => {
  manifestDir = await mkdtemp(join(tmpdir(), 'pq-keys-'));
  await writeFile(
    join(manifestDir, 'test.json'),
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: idOf(OPERATIONS.pools), name: 'Pools', type: 'query', body: OPERATIONS.pools },
        { id: idOf(OPERATIONS.top), name: 'Top', type: 'query', body: OPERATIONS.top },
        {
          id: idOf(OPERATIONS.contribute),
          name: 'Contribute',
          type: 'mutation',
          body: OPERATIONS.contribute,
        },
      ],
    }),
  );
  stack = await startStack({
    without: ['alerts'],
    gateway: { persistedQueriesDir: manifestDir, watchPersistedQueries: false },
  });
  admin = await stack.admin();
  const manager = await stack.signUp('MANAGER');
  const created = expectData(
    await graphql<{ createPool: { id: string } }>(
      stack.gatewayUrl,
      'mutation { createPool(input: { name: "Partner Visible Fund", currency: "USD" }) { id } }',
      {},
      { token: manager.token },
    ),
  );
  poolId = created.createPool.id;
  expectData(
    await graphql(
      stack.gatewayUrl,
      'mutation($id: ID!) { openPool(id: $id) { id } }',
      {
        id: poolId,
      },
      { token: manager.token },
    ),
  );
});

afterAll(async () => {
  await stack?.stop();
  await rm(manifestDir, { recursive: true, force: true });
});

describe('creating, listing and revoking API keys', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const created = await createKey(['pools:read', 'reports:read'], '  Acme Analytics ');
    expect(created.secret).toMatch(/^pgk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      prefix: created.secret.slice(0, 12),
      scopes: ['pools:read', 'reports:read'],
      lastUsedAt: null,
    });
    const list = expectData(
      await graphql<{ apiKeys: Array<{ id: string; name: string }> }>(
        stack.gatewayUrl,
        '{ apiKeys { id name prefix scopes } }',
        {},
        { token: admin.token },
      ),
    );
    expect(list.apiKeys).toContainEqual(
      expect.objectContaining({ id: created.apiKey.id, name: 'Acme Analytics' }),
    );
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const mysql = connectMysql({ url: stack.databases.users!.url }, usersSchema);
    try {
      const [rows] = (await mysql.db.execute(
        sql`SELECT secret_hash, prefix FROM api_keys WHERE id = ${created.apiKey.id}`,
      )) as unknown as [Array<{ secret_hash: string; prefix: string }>];
      expect(rows[0]!.secret_hash).toBe(sha256(created.secret));
      const [dump] = (await mysql.db.execute(sql`SELECT * FROM api_keys`)) as unknown as [unknown];
      expect(JSON.stringify(dump)).not.toContain(created.secret.slice(12));
    } finally {
      await mysql.close();
    }
  });

  it.each([
    ['an unknown scope', 'Partner', ['pools:write'], 'scopes'],
    ['no scope at all', 'Partner', [], 'scopes'],
    ['a scope listed twice', 'Partner', ['pools:read', 'pools:read'], 'scopes'],
    ['an over-long name', 'x'.repeat(101), ['pools:read'], 'name'],
    ['an empty name', '   ', ['pools:read'], 'name'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, name, scopes, field) => {
    const response = await graphql(
      stack.gatewayUrl,
      CREATE,
      { name, scopes },
      {
        token: admin.token,
      },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(new RegExp(`^${field}:`));
  });

  it('lets only admins create platform keys, and list and revoke every key', async () => {
    const manager = await stack.signUp('MANAGER');
    const asManager = { token: manager.token };
    const vars = { name: 'Mine', scopes: ['pools:read'] };
    expect(errorCodes(await graphql(stack.gatewayUrl, CREATE, vars, asManager))).toEqual([
      'FORBIDDEN',
    ]);
    // A manager lists (and revokes) only the partner keys they issued: none of the admins'.
    const listed = await graphql<{ apiKeys: unknown[] }>(
      stack.gatewayUrl,
      '{ apiKeys { id } }',
      {},
      asManager,
    );
    expect(listed.data?.apiKeys).toEqual([]);
    expect(errorCodes(await graphql(stack.gatewayUrl, CREATE, vars))).toEqual(['UNAUTHENTICATED']);
    const key = await createKey(['pools:read']);
    const revoke = 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }';
    expect(
      errorCodes(await graphql(stack.gatewayUrl, revoke, { id: key.apiKey.id }, asManager)),
    ).toEqual(['NOT_FOUND']);
    const investor = await stack.signUp('INVESTOR');
    expect(errorCodes(await graphql(stack.gatewayUrl, '{ apiKeys { id } }', {}, investor))).toEqual(
      ['FORBIDDEN'],
    );
  });

  it('answers NOT_FOUND for revoking a key that does not exist', async () => {
    const response = await graphql(
      stack.gatewayUrl,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: '0190a0a0-0000-7000-8000-000000000000' },
      { token: admin.token },
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});

describe('calling with x-api-key', () => {
  it('runs a manifest operation by id and records when the key was used', async () => {
    const key = await createKey(['pools:read', 'ledger:read']);
    const response = await byId(stack.gatewayUrl, key.secret, OPERATIONS.pools);
    expect(response.errors).toBeUndefined();
    const pools = response.data!.pools as Array<{ id: string; cashBalance: { amount: string } }>;
    expect(pools).toContainEqual({
      id: poolId,
      name: 'Partner Visible Fund',
      cashBalance: { amount: '0.00' },
    });
    const list = expectData(
      await graphql<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>(
        stack.gatewayUrl,
        '{ apiKeys { id lastUsedAt } }',
        {},
        { token: admin.token },
      ),
    );
    const used = list.apiKeys.find((k) => k.id === key.apiKey.id)!;
    expect(Date.now() - Date.parse(used.lastUsedAt!)).toBeLessThan(60_000);
  });

  it('counts each API key on its own rate limit, under its id and never its secret', async () => {
    const limited = await stack.startGateway({
      limits: { rate: { perKey: 1, perUser: 0, perIp: 0 } },
    });
    const scopes = ['pools:read', 'ledger:read'];
    const [one, two] = [await createKey(scopes), await createKey(scopes)];
    const statuses = async (secret: string) =>
      (await byId(limited.url, secret, OPERATIONS.pools)).errors?.map((e) => e.extensions?.code);
    expect(await statuses(one.secret)).toBeUndefined();
    expect(await statuses(one.secret)).toEqual(['RATE_LIMITED']);
    expect(await statuses(two.secret)).toBeUndefined();
    const redis = connectRedis(TEST_REDIS_URL, createLogger('test', 'silent'));
    const names = await redis.keys(`${stack.redisPrefix}ratelimit:*`);
    redis.disconnect();
    expect(names).toHaveLength(2);
    expect(names.map((name) => name.split(':').at(-1)).sort()).toEqual(
      [one.apiKey.id, two.apiKey.id].sort(),
    );
    expect(names.join()).not.toContain(one.secret.slice(4, 20));
  });

  it('gives a key one spelling and one budget: look-alikes are refused, its token shares it', async () => {
    const limited = await stack.startGateway({
      limits: { rate: { perKey: 2, perUser: 0, perIp: 0 } },
    });
    const key = await createKey(['pools:read', 'ledger:read']);
    expect((await byId(limited.url, key.secret, OPERATIONS.pools)).errors).toBeUndefined();
    for (const lookAlike of [`${key.secret}\u00a0`, `\u00a0${key.secret}`, `${key.secret}\u0085`]) {
      const response = await request(limited.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': lookAlike },
        body: JSON.stringify({
          extensions: { persistedQuery: { version: 1, sha256Hash: idOf(OPERATIONS.pools) } },
        }),
      });
      const body = (await response.body.json()) as { errors: Array<{ message: string }> };
      expect(response.statusCode).toBe(401);
      expect(body.errors[0]!.message).toMatch(/^The x-api-key header is not an API key/);
    }
    const { body } = await exchange(key.secret);
    const asBearer = await graphql(limited.url, '{ __typename }', {}, { token: body.accessToken! });
    expect(errorCodes(asBearer)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const third = await byId(limited.url, key.secret, OPERATIONS.pools);
    expect(errorCodes(third as never)).toEqual(['RATE_LIMITED']);
  });

  it('refuses what a scope the key lacks covers with FORBIDDEN, naming the scope', async () => {
    const key = await createKey(['pools:read']);
    const response = await byId(stack.gatewayUrl, key.secret, OPERATIONS.pools);
    expect(errorCodes(response as never)).toContain('FORBIDDEN');
    expect(response.errors!.map((e) => e.message).join()).toContain('ledger:read');
    expect(response.data).toBeNull();
    const reports = await byId(stack.gatewayUrl, key.secret, OPERATIONS.top);
    expect(errorCodes(reports as never)).toEqual(['FORBIDDEN']);
    const withReports = await createKey(['reports:read']);
    const allowed = await byId(stack.gatewayUrl, withReports.secret, OPERATIONS.top);
    expect(allowed.errors).toBeUndefined();
    expect(Array.isArray(allowed.data!.topInvestors)).toBe(true);
  });

  it('needs ledger:write for money mutations, and then still the mutation rules', async () => {
    const reader = await createKey(['ledger:read', 'pools:read']);
    const refused = await byId(stack.gatewayUrl, reader.secret, OPERATIONS.contribute, {
      p: poolId,
    });
    expect(errorCodes(refused as never)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0]!.message).toContain('ledger:write');
    const writer = await createKey(['ledger:write']);
    const ruled = await byId(stack.gatewayUrl, writer.secret, OPERATIONS.contribute, { p: poolId });
    expect(errorCodes(ruled as never)).toEqual(['FORBIDDEN']);
    expect(ruled.errors![0]!.message).not.toContain('ledger:write');
  });

  it('refuses query text, unknown ids and bad keys with their codes', async () => {
    const key = await createKey(['pools:read']);
    const text = await graphql(
      stack.gatewayUrl,
      OPERATIONS.pools,
      {},
      {
        headers: { 'x-api-key': key.secret },
      },
    );
    expect(text.status).toBe(400);
    expect(errorCodes(text)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const unknown = await byId(stack.gatewayUrl, key.secret, '{ __typename }');
    expect(errorCodes(unknown as never)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    // The last character changed to another one (a fixed 'A' is the same key one time in 64).
    const altered = `${key.secret.slice(0, -1)}${key.secret.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['pgk_nope', altered, 'x'.repeat(5000)]) {
      const response = await byId(stack.gatewayUrl, bad, OPERATIONS.pools);
      expect(response.status).toBe(401);
      expect(errorCodes(response as never)).toEqual(['UNAUTHENTICATED']);
    }
    const both = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': key.secret,
        authorization: `Bearer ${admin.token}`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(both.status).toBe(401);
  });

  it('treats the key’s token sent as a bearer token like the key itself', async () => {
    const key = await createKey(['pools:read']);
    const { body } = await exchange(key.secret);
    const response = await graphql(
      stack.gatewayUrl,
      '{ pools { id } }',
      {},
      {
        token: body.accessToken!,
      },
    );
    expect(errorCodes(response)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });

  it('gets nothing outside its scopes by calling subgraphs directly', async () => {
    const key = await createKey(['reports:read']);
    const { status, body } = await exchange(key.secret);
    expect(status).toBe(200);
    const direct = { token: body.accessToken! };
    const pools = await graphql(`${stack.urls.pools}/graphql`, '{ pools { id } }', {}, direct);
    expect(errorCodes(pools)).toEqual(['FORBIDDEN']);
    const entities = await graphql(
      `${stack.urls.ledger}/graphql`,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Pool { cashBalance { amount } } } }',
      { r: [{ __typename: 'Pool', id: poolId, currency: 'USD' }] },
      direct,
    );
    expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
    const create = await graphql(
      `${stack.urls.pools}/graphql`,
      'mutation { createPool(input: { name: "Sneaky", currency: "USD" }) { id } }',
      {},
      direct,
    );
    expect(errorCodes(create)).toEqual(['FORBIDDEN']);
    const reports = await graphql(`${stack.urls.reports}/graphql`, OPERATIONS.top, {}, direct);
    expect(reports.errors).toBeUndefined();
  });
});

describe('revoking a key', () => {
  it('stops it within seconds on every gateway and in every subgraph', async () => {
    const key = await createKey(['pools:read', 'ledger:read']);
    const other = await stack.startGateway({
      persistedQueriesDir: manifestDir,
      watchPersistedQueries: false,
    });
    for (const url of [stack.gatewayUrl, other.url]) {
      expect((await byId(url, key.secret, OPERATIONS.pools)).errors).toBeUndefined();
    }
    const { body } = await exchange(key.secret);
    const revoke = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
    const first = expectData(
      await graphql<{ revokeApiKey: { revokedAt: string } }>(
        stack.gatewayUrl,
        revoke,
        { id: key.apiKey.id },
        { token: admin.token },
      ),
    );
    const revokedAt = Date.now();
    expect(first.revokeApiKey.revokedAt).not.toBeNull();
    await eventually(async () => {
      for (const url of [stack.gatewayUrl, other.url]) {
        const response = await byId(url, key.secret, OPERATIONS.pools);
        expect(response.status).toBe(401);
        expect(errorCodes(response as never)).toEqual(['UNAUTHENTICATED']);
      }
      const direct = await graphql(
        `${stack.urls.pools}/graphql`,
        '{ pools { id } }',
        {},
        {
          token: body.accessToken!,
        },
      );
      expect(errorCodes(direct)).toEqual(['UNAUTHENTICATED']);
    });
    expect(Date.now() - revokedAt).toBeLessThan(3_000);
    expect((await exchange(key.secret)).status).toBe(401);
    const again = expectData(
      await graphql<{ revokeApiKey: { revokedAt: string } }>(
        stack.gatewayUrl,
        revoke,
        { id: key.apiKey.id },
        { token: admin.token },
      ),
    );
    expect(again.revokeApiKey.revokedAt).toBe(first.revokeApiKey.revokedAt);
  });
});
