import { randomUUID } from 'node:crypto';
import { connectMysql } from '@poolgraph/platform';
import { errorCodes, eventually, graphql, persistedQueriesDir } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { schema as usersSchema } from '@poolgraph/users/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_PARTNER_KEY,
  KEY_OPS,
  delegatedKey,
  gql,
  joinAndContribute,
  poolOf,
  type DelegatedKey,
} from './delegation.ts';

/**
 * Manager A's delegated keys against manager B's pool, through the gateway (and around it,
 * straight to the subgraphs with the key's token). B's pool is OPEN and listed, so anything a
 * platform key or any signed-in user may see of it is there to leak.
 */
describe('delegated partner keys', () => {
  let stack: Stack;
  let managerA: TestUser;
  let managerB: TestUser;
  /** A member of A1 and B1; `onlyB` of B1 only. */
  let shared: TestUser;
  let onlyB: TestUser;
  let a1: string;
  let a2: string;
  let b1: string;
  let txA1: string;
  let txB1: string;
  let allPools: DelegatedKey;
  let justA1: DelegatedKey;

  const run = (key: DelegatedKey, query: string, variables: Record<string, unknown> = {}) =>
    graphql<Record<string, unknown>>(stack.gatewayUrl, query, variables, key.as);

  /** The access token the gateway gets for a key, for calls that bypass the gateway. */
  async function tokenOf(key: DelegatedKey): Promise<string> {
    const response = await fetch(`${stack.urls.users}/api-keys/token`, {
      method: 'POST',
      headers: { 'x-api-key': key.secret },
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    stack = await startStack({
      gateway: { persistedQueriesDir: await persistedQueriesDir(Object.values(KEY_OPS)) },
    });
    [managerA, managerB, shared, onlyB] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
      stack.signUp('INVESTOR'),
    ]);
    [a1, a2, b1] = await Promise.all([
      poolOf(stack, managerA, 'A one'),
      poolOf(stack, managerA, 'A two (draft)', true),
      poolOf(stack, managerB, 'B one'),
    ]);
    txA1 = await joinAndContribute(stack, a1, shared, '5.00');
    txB1 = await joinAndContribute(stack, b1, shared, '10.00');
    await joinAndContribute(stack, b1, onlyB, '20.00');
    const scopes = ['pools:read', 'ledger:read', 'reports:read'];
    allPools = await delegatedKey(stack, managerA, { scopes });
    justA1 = await delegatedKey(stack, managerA, { scopes, poolIds: [a1] });
    // The reports read models have both pools (B's manager sees both investors).
    await eventually(async () => {
      const r = await gql<{ poolPerformance: { investorCount: number } }>(
        stack,
        KEY_OPS.performance,
        { p: b1 },
        managerB,
      );
      expect(r.poolPerformance.investorCount).toBe(2);
    });
  });

  /** Open alerts written as the detector writes them, one per [pool, manager]; their ids. */
  async function openAlerts(of: Array<[string, string]>): Promise<string[]> {
    const mysql = connectMysql({ url: stack.databases.alerts!.url }, {});
    try {
      const ids: string[] = [];
      for (const [poolId, managerId] of of) {
        const id = randomUUID();
        await mysql.db.execute(
          sql`INSERT INTO alerts (id, pool_id, manager_id, kind, message, status) VALUES (${id}, ${poolId}, ${managerId}, 'LARGE_TRANSACTION', 'A large transaction', 'OPEN')`,
        );
        ids.push(id);
      }
      return ids;
    } finally {
      await mysql.close();
    }
  }

  afterAll(async () => {
    await stack?.stop();
  });

  it("reads its manager's pools as the manager does: members, money, transactions, positions, reports", async () => {
    const pool = await run(allPools, KEY_OPS.pool, { id: a1 });
    expect(pool.data?.pool).toMatchObject({
      id: a1,
      members: [{ investor: { id: shared.userId } }],
    });
    const money = await run(allPools, KEY_OPS.poolMoney, { id: a1 });
    expect(money.data?.pool).toMatchObject({
      cashBalance: { amount: '5.00' },
      transactions: { nodes: [{ id: txA1 }] },
    });
    const position = await run(allPools, KEY_OPS.position, { p: a1, i: shared.userId });
    expect(position.data?.position).toEqual({ contributed: { amount: '5.00' } });
    await eventually(async () => {
      const performance = await run(allPools, KEY_OPS.performance, { p: a1 });
      expect(performance.data?.poolPerformance).toEqual({ investorCount: 1 });
    });
  });

  it("never shows B's pool: pools, pool, membership, position, transaction, transactionHistory", async () => {
    const listed = await run(allPools, KEY_OPS.pools);
    expect((listed.data?.pools as { id: string }[]).map((p) => p.id).sort()).toEqual(
      [a1, a2].sort(),
    );
    expect((await run(allPools, KEY_OPS.pool, { id: b1 })).data?.pool).toBeNull();
    expect(
      (await run(allPools, KEY_OPS.membership, { p: b1, i: onlyB.userId })).data?.membership,
    ).toBeNull();
    expect(errorCodes(await run(allPools, KEY_OPS.position, { p: b1, i: onlyB.userId }))).toEqual([
      'FORBIDDEN',
    ]);
    expect((await run(allPools, KEY_OPS.transaction, { id: txB1 })).data?.transaction).toBeNull();
    expect(errorCodes(await run(allPools, KEY_OPS.history, { p: b1 }))).toEqual(['FORBIDDEN']);
    const history = await run(allPools, KEY_OPS.history, { p: null });
    expect(history.data?.transactionHistory).toEqual({ nodes: [{ id: txA1, pool: { id: a1 } }] });
  });

  it("never shows B's pool through reports: poolPerformance, investorStatement, topInvestors", async () => {
    expect(errorCodes(await run(allPools, KEY_OPS.performance, { p: b1 }))).toEqual(['FORBIDDEN']);
    const statement = await run(allPools, KEY_OPS.statement, { i: shared.userId });
    expect(statement.data?.investorStatement).toEqual({ lines: [{ pool: { id: a1 } }] });
    const top = await run(allPools, KEY_OPS.top);
    expect(top.data?.topInvestors).toEqual([{ investor: { id: shared.userId } }]);
  });

  it("never shows B's pool through nested fields: a shared investor's memberships, alerts", async () => {
    // From A's pool to the investor, then to every pool they belong to (B's among them).
    expect(errorCodes(await run(allPools, KEY_OPS.memberPools, { id: a1 }))).toContain('FORBIDDEN');
    // An open alert in each manager's pool: the key reads A's (its pools:read) and never B's.
    const [alertA1, alertB1] = await openAlerts([
      [a1, managerA.userId],
      [b1, managerB.userId],
    ]);
    expect((await run(allPools, KEY_OPS.poolAlerts, { id: a1 })).data?.pool).toEqual({
      id: a1,
      openAlertCount: 1,
    });
    expect(errorCodes(await run(allPools, KEY_OPS.alerts, { p: b1 }))).toEqual(['FORBIDDEN']);
    const listed = await run(allPools, KEY_OPS.alerts, { p: null });
    expect(listed.data?.alerts).toEqual([{ id: alertA1 }]);
    expect((await run(justA1, KEY_OPS.alerts, { p: a1 })).data?.alerts).toEqual([{ id: alertA1 }]);
    const mine = await gql<{ alerts: { id: string }[] }>(
      stack,
      KEY_OPS.alerts,
      { p: b1 },
      managerB,
    );
    expect(mine.alerts).toEqual([{ id: alertB1 }]);
  });

  it("never shows B's pool through entity references sent straight to pools, ledger and reports", async () => {
    const token = await tokenOf(allPools);
    const entities = (url: string, typename: string, fields: string, rep: object) =>
      graphql<{ _entities: unknown[] }>(
        `${url}/graphql`,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${fields} } } }`,
        { r: [{ __typename: typename, ...rep }] },
        { token },
      );
    const pool = await entities(stack.urls.pools!, 'Pool', 'id name', { id: b1 });
    expect(pool.data?._entities).toEqual([null]);
    const membership = await entities(stack.urls.pools!, 'Membership', 'id', {
      pool: { id: b1 },
      investor: { id: onlyB.userId },
    });
    expect(membership.data?._entities).toEqual([null]);
    const cash = await entities(stack.urls.ledger!, 'Pool', 'cashBalance { amount }', {
      id: b1,
      currency: 'USD',
    });
    expect(errorCodes(cash)).toEqual(['FORBIDDEN']);
    const position = await entities(
      stack.urls.ledger!,
      'Membership',
      'position { contributed { amount } }',
      {
        pool: { id: b1, currency: 'USD' },
        investor: { id: onlyB.userId },
      },
    );
    expect(errorCodes(position)).toEqual(['FORBIDDEN']);
    const transaction = await entities(stack.urls.ledger!, 'Transaction', 'id', { id: txB1 });
    expect(transaction.data?._entities).toEqual([null]);
    // B's pool has an open alert (the test above): the key's count of it is 0.
    const alert = await entities(stack.urls.alerts!, 'Pool', 'openAlertCount', { id: b1 });
    expect(alert.data?._entities).toEqual([{ openAlertCount: 0 }]);
    const ofB = await graphql<{ _entities: unknown[] }>(
      `${stack.urls.alerts}/graphql`,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Pool { openAlertCount } } }',
      { r: [{ __typename: 'Pool', id: b1 }] },
      { token: managerB.token },
    );
    expect(ofB.data?._entities).toEqual([{ openAlertCount: 1 }]);
  });

  it("a key limited to A1 sees neither A's other pool nor B's: pools, pool, poolPerformance", async () => {
    const listed = await run(justA1, KEY_OPS.pools);
    expect(listed.data?.pools).toEqual([{ id: a1 }]);
    expect((await run(justA1, KEY_OPS.pool, { id: a2 })).data?.pool).toBeNull();
    expect((await run(justA1, KEY_OPS.pool, { id: b1 })).data?.pool).toBeNull();
    expect(errorCodes(await run(justA1, KEY_OPS.performance, { p: a2 }))).toEqual(['FORBIDDEN']);
  });

  it('a platform key does see the listed pool, so the paths above could leak', async () => {
    const platform = await stack.partner(['pools:read']);
    const listed = await graphql<{ pools: { id: string }[] }>(
      stack.gatewayUrl,
      KEY_OPS.pools,
      {},
      platform,
    );
    expect(listed.data?.pools.map((p) => p.id)).toContain(b1);
  });

  it('a revoked key stops working, and a manager revokes only their own keys', async () => {
    const key = await delegatedKey(stack, managerA, { scopes: ['pools:read'] });
    expect(errorCodes(await run(key, KEY_OPS.pools))).toEqual([]);
    const revoke = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
    expect(errorCodes(await graphql(stack.gatewayUrl, revoke, { id: key.id }, managerB))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await run(key, KEY_OPS.pools))).toEqual([]);
    await gql(stack, revoke, { id: key.id }, managerA);
    await eventually(async () => {
      expect(errorCodes(await run(key, KEY_OPS.pools))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('an expired key stops working, and no token it was exchanged for outlives the expiry', async () => {
    const key = await delegatedKey(stack, managerA, {
      scopes: ['pools:read'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    // Bring the expiry close (an hour is the least a test can wait for otherwise).
    const expiresAt = new Date(Date.now() + 4_000);
    const mysql = connectMysql({ url: stack.databases.users!.url }, usersSchema);
    try {
      await mysql.db.execute(
        sql`UPDATE api_keys SET expires_at = ${expiresAt} WHERE id = ${key.id}`,
      );
    } finally {
      await mysql.close();
    }
    expect(errorCodes(await run(key, KEY_OPS.pools))).toEqual([]);
    const exchanged = await fetch(`${stack.urls.users}/api-keys/token`, {
      method: 'POST',
      headers: { 'x-api-key': key.secret },
    });
    const token = (await exchanged.json()) as { expiresAt: number };
    expect(token.expiresAt).toBeLessThanOrEqual(expiresAt.getTime());
    await eventually(async () => {
      expect(errorCodes(await run(key, KEY_OPS.pools))).toEqual(['UNAUTHENTICATED']);
    }, 15_000);
    // Not refused long before the expiry: a token lives whole seconds counted from a whole-second
    // issue time, and none is issued with less than a second of the key left, so the last one
    // can end up to about 2 s before the key does.
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime() - 3_000);
  });

  it('lists the keys a manager issued with their last use, and never another manager’s', async () => {
    const list = 'query { apiKeys { id kind poolIds lastUsedAt delegatedBy { id } } }';
    const mine = await gql<{
      apiKeys: { id: string; kind: string; poolIds: string[] | null; lastUsedAt: string | null }[];
    }>(stack, list, {}, managerA);
    const a1Key = mine.apiKeys.find((k) => k.id === justA1.id);
    expect(a1Key).toMatchObject({ kind: 'DELEGATED', poolIds: [a1] });
    expect(a1Key?.lastUsedAt).not.toBeNull();
    const theirs = await gql<{ apiKeys: { id: string }[] }>(stack, list, {}, managerB);
    expect(theirs.apiKeys).toEqual([]);
  });

  it('refuses a pool that is not theirs and bad input, writing nothing', async () => {
    const create = (input: Record<string, unknown>, user = managerA) =>
      graphql(stack.gatewayUrl, CREATE_PARTNER_KEY, { input: { name: 'X', ...input } }, user);
    expect(errorCodes(await create({ scopes: ['pools:read'], poolIds: [b1] }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    for (const input of [
      { scopes: [] },
      { scopes: ['pools:read', 'pools:read'] },
      { scopes: ['pools:read'], poolIds: [] },
      { scopes: ['pools:read'], poolIds: ['not-a-pool'] },
      { scopes: ['pools:read'], expiresAt: new Date(Date.now() - 1000).toISOString() },
      { scopes: ['pools:read'], note: 'x'.repeat(501) },
      { scopes: ['pools:read'], name: ' ' },
    ]) {
      expect(errorCodes(await create(input))).toEqual(['BAD_USER_INPUT']);
    }
    const after = await gql<{ apiKeys: unknown[] }>(
      stack,
      'query { apiKeys { id } }',
      {},
      managerA,
    );
    expect(after.apiKeys).toHaveLength(4);
  });

  it('an investor cannot issue keys, nor can a key or an anonymous caller', async () => {
    const input = { name: 'Mine', scopes: ['pools:read'] };
    expect(
      errorCodes(await graphql(stack.gatewayUrl, CREATE_PARTNER_KEY, { input }, shared)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(stack.gatewayUrl, CREATE_PARTNER_KEY, { input }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const token = await tokenOf(allPools);
    expect(
      errorCodes(
        await graphql(`${stack.urls.users}/graphql`, CREATE_PARTNER_KEY, { input }, { token }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('keeps a manager to 50 working keys, also when the last ones are asked for at once', async () => {
    const manager = await stack.signUp('MANAGER');
    const create = () =>
      graphql(
        stack.gatewayUrl,
        CREATE_PARTNER_KEY,
        { input: { name: 'CRM', scopes: ['pools:read'] } },
        manager,
      );
    for (let n = 0; n < 45; n++) expect(errorCodes(await create())).toEqual([]);
    const burst = await Promise.all(Array.from({ length: 12 }, create));
    const codes = burst.map((answer) => errorCodes(answer)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(5);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(7);
    const listed = await gql<{ apiKeys: unknown[] }>(
      stack,
      'query { apiKeys { id } }',
      {},
      manager,
    );
    expect(listed.apiKeys).toHaveLength(50);
  });
});
