import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { delegatedKey, gql, joinAndContribute, poolOf, type DelegatedKey } from './delegation.ts';

/**
 * The partner manifest (`persisted-queries/partner.json`) as a manager's delegated key runs it,
 * by id through the real gateway: every query answers for the key's pool, and the one write,
 * recordContribution, needs ledger:write and a pool the key covers.
 */
const MANIFEST = new URL('../persisted-queries/partner.json', import.meta.url);
let stack: Stack;
let ops: Record<string, { id: string; type: string }>;
let managerA: TestUser;
let managerB: TestUser;
let investor: TestUser;
let a1: string;
let a2: string;
let b1: string;
let reader: DelegatedKey;
let writer: DelegatedKey;

/** Runs a manifest operation by id (no query text), as a partner does. */
async function call(key: DelegatedKey, name: string, variables: Record<string, unknown>) {
  const op = ops[name];
  if (!op) throw new Error(`partner.json has no operation ${name}`);
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key.secret },
    body: JSON.stringify({
      operationName: name,
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: op.id } },
    }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}
const codes = (r: Awaited<ReturnType<typeof call>>) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

const cashOf = async (poolId: string, manager: TestUser) =>
  (
    await gql<{ pool: { cashBalance: { amount: string } } }>(
      stack,
      'query($id: ID!) { pool(id: $id) { cashBalance { amount } } }',
      { id: poolId },
      manager,
    )
  ).pool.cashBalance.amount;

beforeAll(async () => {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as {
    operations: Array<{ id: string; name: string; type: string }>;
  };
  ops = Object.fromEntries(manifest.operations.map((o) => [o.name, o]));
  stack = await startStack({
    gateway: {
      persistedQueriesDir: fileURLToPath(new URL('.', MANIFEST)),
      watchPersistedQueries: false,
    },
  });
  [managerA, managerB, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
  [a1, a2, b1] = await Promise.all([
    poolOf(stack, managerA, 'A one'),
    poolOf(stack, managerA, 'A two'),
    poolOf(stack, managerB, 'B one'),
  ]);
  await joinAndContribute(stack, a1, investor, '5.00');
  await joinAndContribute(stack, a2, investor, '6.00');
  await joinAndContribute(stack, b1, investor, '7.00');
  await joinAndContribute(stack, a1, await stack.signUp('INVESTOR'), '8.00');
  await gql(
    stack,
    'mutation($p: ID!, $d: DateTime!) { callCapital(poolId: $p, percent: 10, dueDate: $d) { id } }',
    { p: a1, d: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    managerA,
  );
  const reads = ['pools:read', 'ledger:read', 'reports:read'];
  reader = await delegatedKey(stack, managerA, { scopes: reads, poolIds: [a1] });
  writer = await delegatedKey(stack, managerA, {
    scopes: [...reads, 'ledger:write'],
    poolIds: [a1],
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the partner manifest, run by a delegated key', () => {
  it("answers every query for the key's pool: members, positions, paged transactions, capital calls, alerts, rankings", async () => {
    const members = await call(reader, 'PartnerPoolMembers', { id: a1 });
    expect(codes(members)).toEqual([]);
    expect((members.data?.pool as { members: unknown[] }).members).toHaveLength(2);

    const positions = await call(reader, 'PartnerPositions', { id: a1 });
    expect(codes(positions)).toEqual([]);
    const contributed = (
      positions.data?.pool as { members: Array<{ position: { contributed: { amount: string } } }> }
    ).members.map((m) => m.position.contributed.amount);
    expect(contributed.sort()).toEqual(['5.00', '8.00']);
    const position = await call(reader, 'PartnerPosition', {
      poolId: a1,
      investorId: investor.userId,
    });
    expect(position.data?.position).toMatchObject({ contributed: { amount: '5.00' } });

    // Two transactions, one a page: the second page follows the first's cursor.
    const first = await call(reader, 'PartnerPoolTransactions', { id: a1, first: 1 });
    expect(codes(first)).toEqual([]);
    const page = (first.data?.pool as { transactions: TransactionPage }).transactions;
    expect(page.nodes).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await call(reader, 'PartnerPoolTransactions', {
      id: a1,
      first: 1,
      after: page.pageInfo.endCursor,
    });
    const next = (second.data?.pool as { transactions: TransactionPage }).transactions;
    expect(next.nodes).toHaveLength(1);
    expect(next.nodes[0]!.id).not.toBe(page.nodes[0]!.id);

    const calls = await call(reader, 'PartnerCapitalCalls', { id: a1 });
    expect(codes(calls)).toEqual([]);
    expect((calls.data?.pool as { capitalCalls: unknown[] }).capitalCalls).toHaveLength(1);
    const callsPage = await call(reader, 'PartnerCapitalCallsPage', { id: a1, first: 5 });
    expect(codes(callsPage)).toEqual([]);
    const callEdges = (callsPage.data?.pool as { capitalCallsConnection: Page<{ id: string }> })
      .capitalCallsConnection;
    expect(callEdges.edges.map((e) => e.node.id)).toEqual([
      (calls.data?.pool as { capitalCalls: Array<{ id: string }> }).capitalCalls[0]!.id,
    ]);
    expect(callEdges.pageInfo.hasNextPage).toBe(false);

    const alerts = await call(reader, 'PartnerAlerts', { poolId: a1 });
    expect(codes(alerts)).toEqual([]);
    expect(Array.isArray(alerts.data?.alerts)).toBe(true);
    expect(codes(await call(reader, 'PartnerAlerts', { poolId: b1 }))).toEqual(['FORBIDDEN']);

    await eventually(async () => {
      const top = await call(reader, 'PartnerTopInvestors', { limit: 10 });
      expect(codes(top)).toEqual([]);
      expect((top.data?.topInvestors as unknown[]).length).toBe(2);
    }, 15_000);
  });

  it("pages its covered pools, their members, positions and alerts through the connection operations, and nothing of another manager's", async () => {
    const pools = await call(reader, 'PartnerPoolsPage', { first: 10 });
    expect(codes(pools)).toEqual([]);
    const poolPage = pools.data?.poolsConnection as Page<{ id: string }>;
    expect(poolPage.edges.map((e) => e.node.id)).toEqual([a1]);
    expect(poolPage.pageInfo.hasNextPage).toBe(false);

    // Two members, one a page: the second page follows the first's endCursor.
    const firstPage = await call(reader, 'PartnerPoolMembersPage', { id: a1, first: 1 });
    expect(codes(firstPage)).toEqual([]);
    const one = (firstPage.data?.pool as { membersConnection: Page<{ id: string }> })
      .membersConnection;
    expect(one.edges).toHaveLength(1);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const secondPage = await call(reader, 'PartnerPoolMembersPage', {
      id: a1,
      first: 1,
      after: one.pageInfo.endCursor,
    });
    const two = (secondPage.data?.pool as { membersConnection: Page<{ id: string }> })
      .membersConnection;
    expect(two.edges).toHaveLength(1);
    expect(two.edges[0]!.node.id).not.toBe(one.edges[0]!.node.id);
    expect(two.pageInfo.hasNextPage).toBe(false);

    const positions = await call(reader, 'PartnerPositionsPage', { id: a1 });
    expect(codes(positions)).toEqual([]);
    type Member = { position: { contributed: { amount: string } } };
    const members = (positions.data?.pool as { membersConnection: Page<Member> }).membersConnection;
    expect(members.edges.map((e) => e.node.position.contributed.amount).sort()).toEqual([
      '5.00',
      '8.00',
    ]);
    expect((await call(reader, 'PartnerPoolMembersPage', { id: b1 })).data?.pool).toBeNull();

    const alerts = await call(reader, 'PartnerAlertsPage', { poolId: a1, first: 5 });
    expect(codes(alerts)).toEqual([]);
    expect(Array.isArray((alerts.data?.alertsConnection as Page<unknown>).edges)).toBe(true);
    expect(codes(await call(reader, 'PartnerAlertsPage', { poolId: b1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await call(reader, 'PartnerPoolsPage', { first: 101 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('records a contribution with ledger:write in its pool, once per idempotency key', async () => {
    expect(await cashOf(a1, managerA)).toBe('13.00');
    const variables = {
      poolId: a1,
      investorId: investor.userId,
      amount: '12.50',
      idempotencyKey: 'wire-2026-12-06-0001',
    };
    const recorded = await call(writer, 'PartnerRecordContribution', variables);
    expect(codes(recorded)).toEqual([]);
    const transaction = recorded.data?.recordContribution as { id: string; type: string };
    expect(transaction).toMatchObject({ type: 'CONTRIBUTION', amount: { amount: '12.50' } });
    const replay = await call(writer, 'PartnerRecordContribution', variables);
    expect((replay.data?.recordContribution as { id: string }).id).toBe(transaction.id);
    expect(await cashOf(a1, managerA)).toBe('25.50');
  });

  it("is FORBIDDEN on another manager's pool, on its manager's pool it does not cover, and without ledger:write, writing nothing", async () => {
    const [cashA2, cashB1] = [await cashOf(a2, managerA), await cashOf(b1, managerB)];
    const record = (key: DelegatedKey, poolId: string, idempotencyKey: string) =>
      call(key, 'PartnerRecordContribution', {
        poolId,
        investorId: investor.userId,
        amount: '3.00',
        idempotencyKey,
      });
    expect(codes(await record(writer, b1, 'other-manager-1'))).toEqual(['FORBIDDEN']);
    expect(codes(await record(writer, a2, 'not-covered-1'))).toEqual(['FORBIDDEN']);
    const readOnly = await record(reader, a1, 'read-only-1');
    expect(codes(readOnly)).toEqual(['FORBIDDEN']);
    expect(readOnly.errors![0]!.message).toContain('ledger:write');
    expect(await cashOf(a2, managerA)).toBe(cashA2);
    expect(await cashOf(b1, managerB)).toBe(cashB1);
  });

  it('refuses bad input by name and the text of a manifest operation', async () => {
    const bad = await call(writer, 'PartnerRecordContribution', {
      poolId: a1,
      investorId: investor.userId,
      amount: '-1',
      idempotencyKey: 'negative-1',
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const text = await graphql(
      stack.gatewayUrl,
      'query { pools { id } }',
      {},
      { headers: { 'x-api-key': reader.secret } },
    );
    expect(errorCodes(text)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });
});

interface TransactionPage {
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
