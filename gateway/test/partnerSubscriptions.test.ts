import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually, persistedQueriesDir } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { delegatedKey, gql, joinAndContribute, type DelegatedKey } from './delegation.ts';

/**
 * Partner live feeds through the real gateway and subgraphs: a manager's delegated key on a
 * graphql-ws socket (`x-api-key` in connection_init), running manifest subscriptions by id.
 */
const LIVE = {
  balance:
    'subscription PartnerBalanceChanged($p: ID!) { balanceChanged(poolId: $p) { pool { id } cashBalance { amount } } }',
  transactions:
    'subscription PartnerTransactionPosted($p: ID!) { transactionPosted(poolId: $p) { id status pool { id } } }',
  alerts: 'subscription PartnerAlertRaised($p: ID) { alertRaised(poolId: $p) { id pool { id } } }',
} as const;
/** How long a key's tokens live in this file's stack (60 s by default). */
const KEY_TOKEN_TTL_SECONDS = 10;
const idOf = (body: string) => createHash('sha256').update(body).digest('hex');

interface Feed {
  results: Array<{ data?: Record<string, unknown> | null; errors?: unknown }>;
  ended: boolean;
}

let stack: Stack;
const clients: Client[] = [];
let managerA: TestUser;
let managerB: TestUser;
let investor: TestUser;
let a1: string;
let a2: string;
let b1: string;
let key: DelegatedKey;

/** A socket opened with these connection params; `closed` gets its close code. */
function socket(connectionParams: Record<string, unknown>) {
  const state: { closed?: number } = {};
  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => (state.closed = (event as { code: number }).code) },
  });
  clients.push(client);
  return { client, state };
}

/** A subscription: by id (`extensions.persistedQuery`) unless `text` is given. */
function feed(
  client: Client,
  body: string,
  variables: Record<string, unknown>,
  text?: string,
): Feed {
  const out: Feed = { results: [], ended: false };
  client.subscribe(
    {
      query: text ?? '',
      variables,
      extensions:
        text === undefined ? { persistedQuery: { version: 1, sha256Hash: idOf(body) } } : {},
    },
    {
      next: (value) => void out.results.push(value as Feed['results'][number]),
      error: (errors) => {
        out.results.push({ errors });
        out.ended = true;
      },
      complete: () => (out.ended = true),
    },
  );
  return out;
}

const codesOf = (f: Feed) =>
  f.results.flatMap((r) =>
    Array.isArray(r.errors)
      ? (r.errors as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code)
      : [],
  );
const poolsIn = (f: Feed, field: string) =>
  f.results
    .map((r) => (r.data?.[field] as { pool?: { id: string } } | undefined)?.pool?.id)
    .filter((id): id is string => !!id);

/** A pool of `manager` whose large-transaction alert fires from 10.00 (10 % of 100). */
async function openPool(manager: TestUser, name: string): Promise<string> {
  const { createPool } = await gql<{ createPool: { id: string } }>(
    stack,
    'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
    { input: { name, currency: 'USD', targetAmount: '100' } },
    manager,
  );
  await gql(
    stack,
    'mutation($id: ID!) { openPool(id: $id) { id } }',
    { id: createPool.id },
    manager,
  );
  return createPool.id;
}

beforeAll(async () => {
  stack = await startStack({
    gateway: { persistedQueriesDir: await persistedQueriesDir(Object.values(LIVE)) },
    // Keys' tokens live 10 s instead of 60, so the test outlives one without waiting a minute.
    // The gateway renews a socket's key token once less than 40 s is left, so here it renews at
    // every 2 s check and the upstream moves to each new token: denser than with 60 s tokens,
    // the same path.
    serviceConfig: { users: { apiKeyTokenTtlSeconds: KEY_TOKEN_TTL_SECONDS } },
  });
  [managerA, managerB, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
  [a1, a2, b1] = await Promise.all([
    openPool(managerA, 'A one'),
    openPool(managerA, 'A two'),
    openPool(managerB, 'B one'),
  ]);
  key = await delegatedKey(stack, managerA, {
    scopes: ['pools:read', 'ledger:read'],
    poolIds: [a1],
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await stack?.stop();
});

describe('partner subscriptions (x-api-key in connection_init)', () => {
  it("delivers the key's pool's balances, transactions and alerts, and never another pool's", async () => {
    const { client } = socket({ 'x-api-key': key.secret });
    const balances = feed(client, LIVE.balance, { p: a1 });
    const transactions = feed(client, LIVE.transactions, { p: a1 });
    const alerts = feed(client, LIVE.alerts, { p: null });
    // Pools the key does not cover are refused at subscribe time: A's other pool, B's pool.
    const otherOfA = feed(client, LIVE.transactions, { p: a2 });
    const ofB = feed(client, LIVE.balance, { p: b1 });
    const alertsOfB = feed(client, LIVE.alerts, { p: b1 });
    // Manager A's own socket sees A's other pool's alerts: the key's silence about them counts.
    const control = feed(
      socket({ authorization: `Bearer ${managerA.token}` }).client,
      LIVE.alerts,
      {
        p: null,
      },
    );
    // The ledger does not say whether a pool it hides exists; alerts says the key lacks it.
    await eventually(async () => {
      expect(codesOf(otherOfA)).toEqual(['NOT_FOUND']);
      expect(codesOf(ofB)).toEqual(['NOT_FOUND']);
      expect(codesOf(alertsOfB)).toEqual(['FORBIDDEN']);
    });
    // Large contributions (alerts) in B's pool and A's other pool first, then in the key's.
    await joinAndContribute(stack, b1, investor, '50.00');
    await joinAndContribute(stack, a2, investor, '50.00');
    await eventually(async () => expect(poolsIn(control, 'alertRaised')).toContain(a2), 30_000);
    const tx = await joinAndContribute(stack, a1, investor, '50.00');
    await eventually(async () => {
      expect(poolsIn(balances, 'balanceChanged')).toContain(a1);
      expect(
        transactions.results.map((r) => (r.data?.transactionPosted as { id: string })?.id),
      ).toContain(tx);
      expect(poolsIn(alerts, 'alertRaised')).toContain(a1);
      expect(poolsIn(control, 'alertRaised')).toContain(a1);
    }, 30_000);
    expect(new Set(poolsIn(balances, 'balanceChanged'))).toEqual(new Set([a1]));
    expect(new Set(poolsIn(transactions, 'transactionPosted'))).toEqual(new Set([a1]));
    expect(new Set(poolsIn(alerts, 'alertRaised'))).toEqual(new Set([a1]));
    expect(poolsIn(control, 'alertRaised')).not.toContain(b1);
    for (const f of [balances, transactions, alerts]) expect(codesOf(f)).toEqual([]);
  }, 90_000);

  it('refuses query text, even the manifest body, with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const { client } = socket({ 'x-api-key': key.secret });
    const manifestText = feed(client, LIVE.balance, { p: a1 }, LIVE.balance);
    const otherText = feed(
      client,
      LIVE.balance,
      { p: a1 },
      'subscription($p: ID!) { balanceChanged(poolId: $p) { pool { id } } }',
    );
    await eventually(async () => {
      expect(codesOf(manifestText)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
      expect(codesOf(otherText)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    });
  });

  it('closes the socket with 4401 at connection_init for a bad, unknown or doubled credential', async () => {
    const unknown = socket({ 'x-api-key': `pgk_${'A'.repeat(43)}` });
    const malformed = socket({ 'x-api-key': 'pgk_short' });
    const both = socket({ 'x-api-key': key.secret, authorization: `Bearer ${managerA.token}` });
    await eventually(async () => {
      expect(unknown.state.closed).toBe(4401);
      expect(malformed.state.closed).toBe(4401);
      expect(both.state.closed).toBe(4401);
    });
  });

  it("outlives the key's tokens, then closes within 5 s of the key's revocation", async () => {
    const own = await delegatedKey(stack, managerA, { scopes: ['ledger:read'], poolIds: [a1] });
    const { client, state } = socket({ 'x-api-key': own.secret });
    const transactions = feed(client, LIVE.transactions, { p: a1 });
    // Past the first token's life and the upstream's move to the next one.
    await new Promise((resolve) => setTimeout(resolve, (KEY_TOKEN_TTL_SECONDS + 5) * 1000));
    const tx = await joinAndContribute(stack, a1, await stack.signUp('INVESTOR'), '1.00');
    await eventually(async () => {
      expect(
        transactions.results.map((r) => (r.data?.transactionPosted as { id: string })?.id),
      ).toContain(tx);
    }, 20_000);
    expect(codesOf(transactions)).toEqual([]);
    expect(state.closed).toBeUndefined();
    const revokedAt = Date.now();
    await gql(
      stack,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: own.id },
      managerA,
    );
    await eventually(async () => expect(state.closed).toBe(4401), 10_000);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  }, 90_000);
});
