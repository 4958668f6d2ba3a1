import { connectMysql, uuidv7 } from '@poolgraph/platform';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyPage, field, PAGE, type Connection } from './connections.ts';
import { gql, joinAndContribute, poolOf } from './delegation.ts';

/**
 * The graph's one pagination shape through the gateway: every connection pages forward giving
 * each item once and in order, refuses a page above its maximum and a cursor it did not issue
 * (naming the argument), counts `first` in the cost limit, and shows a caller nothing a list
 * would not: a manager never sees another manager's pool through any connection.
 */
let stack: Stack;
let managerA: TestUser;
let managerB: TestUser;
let admin: TestUser;
let investors: TestUser[];
let poolsA: string[];
let b1: string;
let alertsA: string[];
let noticesOf2: string[];

const poolsPage = (user: TestUser, first: number) => (after: string | null) =>
  gql<{ poolsConnection: Connection<{ id: string }> }>(
    stack,
    `query($first: Int, $after: String) { poolsConnection(first: $first, after: $after) { edges { cursor node { id } } ${PAGE} } }`,
    { first, after },
    user,
  ).then((d) => d.poolsConnection);

const membersPage = (user: TestUser, poolId: string, first: number) => (after: string | null) =>
  gql<{ pool: { membersConnection: Connection<{ id: string; investor: { id: string } }> } }>(
    stack,
    `query($id: ID!, $first: Int, $after: String) { pool(id: $id) { membersConnection(first: $first, after: $after) { edges { cursor node { id investor { id } } } ${PAGE} } } }`,
    { id: poolId, first, after },
    user,
  ).then((d) => d.pool.membersConnection);

const alertsPage = (user: TestUser, first: number, poolId?: string) => (after: string | null) =>
  gql<{ alertsConnection: Connection<{ id: string; pool: { id: string } }> }>(
    stack,
    `query($first: Int, $after: String, $p: ID) { alertsConnection(poolId: $p, first: $first, after: $after) { edges { cursor node { id pool { id } } } ${PAGE} } }`,
    { first, after, p: poolId ?? null },
    user,
  ).then((d) => d.alertsConnection);

beforeAll(async () => {
  stack = await startStack();
  [managerA, managerB, admin, ...investors] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.admin(),
    ...Array.from({ length: 5 }, () => stack.signUp('INVESTOR')),
  ]);
  // Five of A's pools, the first with five members (and as many transactions); one of B's,
  // OPEN and listed, with a member of its own.
  poolsA = [];
  for (let n = 0; n < 5; n++) poolsA.push(await poolOf(stack, managerA, `A ${n}`));
  b1 = await poolOf(stack, managerB, 'B one');
  for (const investor of investors) await joinAndContribute(stack, poolsA[0]!, investor, '1.00');
  await joinAndContribute(stack, b1, investors[0]!, '2.00');
  // Alerts as the detector writes them: A's seven raised at one instant (the id breaks the tie),
  // and one of B's.
  const mysql = connectMysql({ url: stack.databases.alerts!.url }, {});
  try {
    const at = new Date('2026-11-01T10:00:00.000Z');
    alertsA = Array.from({ length: 7 }, () => uuidv7());
    for (const [id, poolId, managerId] of [
      ...alertsA.map((id) => [id, poolsA[0]!, managerA.userId] as const),
      [uuidv7(), b1, managerB.userId] as const,
    ]) {
      await mysql.db.execute(
        sql`INSERT INTO alerts (id, pool_id, manager_id, kind, message, status, raised_at) VALUES (${id}, ${poolId}, ${managerId}, 'LARGE_TRANSACTION', 'A large transaction', 'OPEN', ${at})`,
      );
    }
    // Five capital-call notices of one investor's, written at one instant (the id breaks the tie).
    noticesOf2 = Array.from({ length: 5 }, () => uuidv7());
    for (const id of noticesOf2) {
      await mysql.db.execute(
        sql`INSERT INTO notices (id, investor_id, pool_id, kind, amount_minor, currency, message, occurred_at, created_at, source_event_id) VALUES (${id}, ${investors[2]!.userId}, ${poolsA[0]}, 'CAPITAL_CALL', 100, 'USD', 'A capital call', ${at}, ${at}, ${id})`,
      );
    }
  } finally {
    await mysql.close();
  }
}, 180_000);

afterAll(() => stack?.stop());

describe('connections through the gateway', () => {
  it('pages a manager’s pools newest first, each once, as the deprecated list has them', async () => {
    const listed = await gql<{ pools: Array<{ id: string }> }>(
      stack,
      '{ pools { id } }',
      {},
      managerA,
    );
    // A's five pools and B's open, listed one: three pages of two.
    const { nodes, pages } = await everyPage(2, poolsPage(managerA, 2));
    expect(pages).toBe(3);
    expect(nodes.map((p) => p.id)).toEqual(listed.pools.map((p) => p.id));
    expect(nodes.map((p) => p.id)).toEqual([b1, ...[...poolsA].reverse()]);
  });

  it('pages a pool’s members oldest first, each once, and an investor sees only their own', async () => {
    const { nodes } = await everyPage(2, membersPage(managerA, poolsA[0]!, 2));
    expect(nodes.map((m) => m.investor.id)).toEqual(investors.map((i) => i.userId));
    const own = await everyPage(2, membersPage(investors[1]!, poolsA[0]!, 2));
    expect(own.nodes.map((m) => m.investor.id)).toEqual([investors[1]!.userId]);
  });

  it('pages alerts raised at one instant by their id, each once, and a manager only their own', async () => {
    const { nodes } = await everyPage(3, alertsPage(managerA, 3));
    const ids = nodes.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Newest first, the id deciding between alerts of one instant (any the detector raised too).
    expect(ids.filter((id) => alertsA.includes(id))).toEqual([...alertsA].sort().reverse());
    const ofB = await everyPage(3, alertsPage(managerB, 3));
    expect(ofB.nodes.map((a) => a.pool.id)).toEqual([b1]);
    // Asking for A's pool gives B nothing of it.
    expect((await alertsPage(managerB, 3, poolsA[0])(null)).edges).toEqual([]);
  });

  it('pages an investor’s notices written at one instant by their id, each once, only their own', async () => {
    type Notices = { noticesConnection: Connection<{ id: string }> };
    const noticesPage = (user: TestUser) => (after: string | null) =>
      gql<Notices>(
        stack,
        `query($after: String) { noticesConnection(first: 2, after: $after) { edges { cursor node { id } } ${PAGE} } }`,
        { after },
        user,
      ).then((d) => d.noticesConnection);
    const { nodes } = await everyPage(2, noticesPage(investors[2]!));
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Newest first (the investor's own contribution notice, when written, is newer than these).
    expect(ids.filter((id) => noticesOf2.includes(id))).toEqual([...noticesOf2].sort().reverse());
    const listed = await gql<{ notices: Array<{ id: string }> }>(
      stack,
      '{ notices(first: 200) { id } }',
      {},
      investors[2]!,
    );
    // The deprecated list holds the same, in the same order (and any written since).
    expect(listed.notices.map((n) => n.id).filter((id) => ids.includes(id))).toEqual(ids);
    // Another investor pages only their own: none of these.
    const other = await everyPage(2, noticesPage(investors[3]!));
    expect(other.nodes.filter((n) => noticesOf2.includes(n.id))).toEqual([]);
  });

  it('pages a pool’s capital calls by due date then id, each once, to its manager and members only', async () => {
    const CALL =
      'mutation($p: ID!, $d: DateTime!) { callCapital(poolId: $p, percent: 5, dueDate: $d) { id } }';
    const day = (n: number) => new Date(Date.UTC(2031, 0, n)).toISOString();
    // Three calls due on one day (the id decides between them), then two earlier ones.
    const calls: string[] = [];
    for (const dueDate of [day(20), day(20), day(20), day(10), day(5)]) {
      const { callCapital } = await gql<{ callCapital: { id: string } }>(
        stack,
        CALL,
        { p: poolsA[0], d: dueDate },
        managerA,
      );
      calls.push(callCapital.id);
    }
    type Calls = { pool: { capitalCallsConnection: Connection<{ id: string; items: unknown[] }> } };
    const callsPage = (user: TestUser) => (after: string | null) =>
      gql<Calls>(
        stack,
        `query($id: ID!, $after: String) { pool(id: $id) { capitalCallsConnection(first: 2, after: $after) { edges { cursor node { id items { investor { id } } } } ${PAGE} } } }`,
        { id: poolsA[0], after },
        user,
      ).then((d) => d.pool.capitalCallsConnection);
    const { nodes, pages } = await everyPage(2, callsPage(managerA));
    expect(pages).toBe(3);
    expect(nodes.map((c) => c.id)).toEqual([calls[4], calls[3], ...calls.slice(0, 3).sort()]);
    const listed = await gql<{ pool: { capitalCalls: Array<{ id: string }> } }>(
      stack,
      'query($id: ID!) { pool(id: $id) { capitalCalls { id } } }',
      { id: poolsA[0] },
      managerA,
    );
    expect(nodes.map((c) => c.id)).toEqual(listed.pool.capitalCalls.map((c) => c.id));
    expect(nodes.every((c) => c.items.length === 5)).toBe(true);
    // A member sees every call with only their own item; another manager sees none.
    const member = await everyPage(2, callsPage(investors[1]!));
    expect(member.nodes.map((c) => c.id)).toEqual(nodes.map((c) => c.id));
    expect(member.nodes.every((c) => c.items.length === 1)).toBe(true);
    expect((await everyPage(2, callsPage(managerB))).nodes).toEqual([]);
  });

  it('pages a pool’s valuations newest day first, each once, to those who see its performance', async () => {
    // Five days' valuations as recordValuation writes them (it takes no day before the pool).
    const days = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'];
    const mysql = connectMysql({ url: stack.databases.reports!.url }, {});
    try {
      for (const day of days) {
        await mysql.db.execute(
          sql`INSERT INTO valuations (id, pool_id, valuation_date, currency, value_minor, recorded_by, recorded_at) VALUES (${uuidv7()}, ${poolsA[0]}, ${day}, 'USD', 100000, ${managerA.userId}, ${new Date()})`,
        );
      }
    } finally {
      await mysql.close();
    }
    type Perf = { poolPerformance: { valuationsConnection: Connection<{ date: string }> } };
    const valuationsPage = (user: TestUser) => (after: string | null) =>
      gql<Perf>(
        stack,
        `query($p: ID!, $after: String) { poolPerformance(poolId: $p) { valuationsConnection(first: 2, after: $after) { edges { cursor node { date } } ${PAGE} } } }`,
        { p: poolsA[0], after },
        user,
      ).then((d) => d.poolPerformance.valuationsConnection);
    const { nodes, pages } = await everyPage(2, valuationsPage(managerA));
    expect(pages).toBe(3);
    expect(nodes.map((v) => v.date)).toEqual([...days].reverse());
    const listed = await gql<{ poolPerformance: { valuations: Array<{ date: string }> } }>(
      stack,
      'query($p: ID!) { poolPerformance(poolId: $p) { valuations { date } } }',
      { p: poolsA[0] },
      managerA,
    );
    expect(listed.poolPerformance.valuations).toEqual(nodes);
    // Another manager is refused the pool's performance, connection and all.
    const theirs = await graphql(
      stack.gatewayUrl,
      'query($p: ID!) { poolPerformance(poolId: $p) { valuationsConnection { edges { cursor } } } }',
      { p: poolsA[0] },
      { token: managerB.token },
    );
    expect(field(theirs)).toEqual([['FORBIDDEN', undefined]]);
  });

  it('pages the transactions of a pool with the standard pageInfo, and the audit logs', async () => {
    type Tx = { pool: { transactions: Connection<{ id: string }> } };
    const { nodes } = await everyPage(2, (after) =>
      gql<Tx>(
        stack,
        `query($id: ID!, $after: String) { pool(id: $id) { transactions(first: 2, after: $after) { edges { cursor node { id } } ${PAGE} } } }`,
        { id: poolsA[0], after },
        managerA,
      ).then((d) => d.pool.transactions),
    );
    expect(nodes).toHaveLength(5);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(5);
    const audit = await everyPage(4, (after) =>
      gql<{ poolsAuditLogConnection: Connection<{ id: string; operation: string }> }>(
        stack,
        `query($after: String) { poolsAuditLogConnection(first: 4, after: $after) { edges { cursor node { id operation } } ${PAGE} } }`,
        { after },
        admin,
      ).then((d) => d.poolsAuditLogConnection),
    );
    const ids = audit.nodes.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(new Set(ids).size).toBe(ids.length);
    // Six createPool, six openPool and six joinPool at least.
    expect(ids.length).toBeGreaterThanOrEqual(18);
    const forbidden = await graphql(
      stack.gatewayUrl,
      '{ poolsAuditLogConnection { edges { cursor } } }',
      {},
      { token: managerA.token },
    );
    expect(field(forbidden)).toEqual([['FORBIDDEN', undefined]]);
  });

  it('pages a manager’s own pools and an investor’s memberships, and refuses another user’s', async () => {
    type Me = {
      me: { managedPoolsConnection: Connection<{ id: string }> };
    };
    const managed = await everyPage(2, (after) =>
      gql<Me>(
        stack,
        `query($after: String) { me { managedPoolsConnection(first: 2, after: $after) { edges { cursor node { id } } ${PAGE} } } }`,
        { after },
        managerA,
      ).then((d) => d.me.managedPoolsConnection),
    );
    expect(managed.nodes.map((p) => p.id)).toEqual([...poolsA].reverse());
    type Joined = { me: { membershipsConnection: Connection<{ pool: { id: string } }> } };
    const joined = await everyPage(1, (after) =>
      gql<Joined>(
        stack,
        `query($after: String) { me { membershipsConnection(first: 1, after: $after) { edges { cursor node { pool { id } } } ${PAGE} } } }`,
        { after },
        investors[0]!,
      ).then((d) => d.me.membershipsConnection),
    );
    // Newest first: B's pool was joined last.
    expect(joined.nodes.map((m) => m.pool.id)).toEqual([b1, poolsA[0]]);
    // Straight to the pools subgraph, as the gateway plans `me`: another user's list is refused.
    const theirs = await graphql(
      `${stack.urls.pools}/graphql`,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on User {
              managedPoolsConnection {
                edges {
                  node {
                    id
                  }
                }
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'User', id: managerA.userId }] },
      { token: managerB.token },
    );
    expect((theirs.errors ?? []).map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('never shows another manager’s pool or members through a connection', async () => {
    const ofB = await everyPage(10, poolsPage(managerB, 10));
    // B sees its own pool and A's open, listed ones (as `pools` does), never A's members.
    expect(ofB.nodes.map((p) => p.id)).toContain(b1);
    const membersOfA = await membersPage(managerB, poolsA[0]!, 10)(null);
    expect(membersOfA.edges).toEqual([]);
    // A closed pool of A's is not listed to B at all.
    await gql(
      stack,
      'mutation($id: ID!) { closePool(id: $id) { id } }',
      { id: poolsA[4] },
      managerA,
    );
    const after = await everyPage(10, poolsPage(managerB, 10));
    expect(after.nodes.map((p) => p.id)).not.toContain(poolsA[4]);
  });
});

describe('connection limits and cursors', () => {
  const ask = (query: string, variables: Record<string, unknown> = {}, user = managerA) =>
    graphql(stack.gatewayUrl, query, variables, { token: user.token });

  it('refuses a page above each connection’s maximum, naming first', async () => {
    const cases: Array<[string, TestUser]> = [
      ['{ poolsConnection(first: 101) { edges { cursor } } }', managerA],
      ['{ alertsConnection(first: 501) { edges { cursor } } }', managerA],
      ['{ usersAuditLogConnection(first: 501) { edges { cursor } } }', admin],
      ['{ ledgerHistoryConnection(first: 5001) { edges { cursor } } }', admin],
      ['{ inboxConnection(first: 201) { edges { cursor } } }', managerA],
      ['{ noticesConnection(first: 201) { edges { cursor } } }', investors[2]!],
      ['{ poolsConnection(first: 0) { edges { cursor } } }', managerA],
    ];
    for (const [query, user] of cases) {
      expect(field(await ask(query, {}, user))).toEqual([['BAD_USER_INPUT', 'first']]);
    }
    for (const query of [
      'query($id: ID!) { pool(id: $id) { membersConnection(first: 501) { edges { cursor } } } }',
      'query($id: ID!) { pool(id: $id) { capitalCallsConnection(first: 201) { edges { cursor } } } }',
      'query($id: ID!) { poolPerformance(poolId: $id) { valuationsConnection(first: 501) { edges { cursor } } } }',
    ]) {
      expect(field(await ask(query, { id: poolsA[0] }))).toEqual([['BAD_USER_INPUT', 'first']]);
    }
  });

  it('refuses a made-up, edited or another field’s cursor, naming after', async () => {
    const memberCursor = (await membersPage(managerA, poolsA[0]!, 1)(null)).edges[0]!.cursor;
    const poolCursor = (await poolsPage(managerA, 1)(null)).edges[0]!.cursor;
    const edited = Buffer.from('pool:not-an-id').toString('base64url');
    const POOLS = 'query($a: String) { poolsConnection(first: 2, after: $a) { edges { cursor } } }';
    for (const after of ['garbage!', 'abc', edited, memberCursor]) {
      expect(field(await ask(POOLS, { a: after }))).toEqual([['BAD_USER_INPUT', 'after']]);
    }
    const ALERTS = 'query($a: String) { alertsConnection(after: $a) { edges { cursor } } }';
    expect(field(await ask(ALERTS, { a: poolCursor }))).toEqual([['BAD_USER_INPUT', 'after']]);
    const CALLS =
      'query($id: ID!, $a: String) { pool(id: $id) { capitalCallsConnection(after: $a) { edges { cursor } } } }';
    const editedCall = Buffer.from('capital-call:1:x').toString('base64url');
    const VALUATIONS =
      'query($id: ID!, $a: String) { poolPerformance(poolId: $id) { valuationsConnection(after: $a) { edges { cursor } } } }';
    const editedDay = Buffer.from('valuation:2026-1-1').toString('base64url');
    for (const after of [memberCursor, editedDay]) {
      expect(field(await ask(VALUATIONS, { id: poolsA[0], a: after }))).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    }
    for (const after of [memberCursor, editedCall]) {
      expect(field(await ask(CALLS, { id: poolsA[0], a: after }))).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    }
    const NOTICES = 'query($a: String) { noticesConnection(after: $a) { edges { cursor } } }';
    const alertCursor = (await alertsPage(managerA, 1)(null)).edges[0]!.cursor;
    for (const after of [poolCursor, alertCursor, 'bm90aWNlOjE6Mg']) {
      expect(field(await ask(NOTICES, { a: after }, investors[2]))).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    }
    const TX =
      'query($id: ID!, $a: String) { pool(id: $id) { transactions(after: $a) { edges { cursor } } } }';
    expect(field(await ask(TX, { id: poolsA[0], a: poolCursor }))).toEqual([
      ['BAD_USER_INPUT', 'after'],
    ]);
  });

  it('counts first in the cost limit: a page of pools each with a page of members is too complex', async () => {
    const deep = await ask(
      '{ poolsConnection(first: 100) { edges { node { membersConnection(first: 500) { edges { node { id investor { id } } } } } } } }',
    );
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await ask(
      '{ poolsConnection(first: 10) { edges { node { membersConnection(first: 10) { edges { node { id } } } } } } }',
    );
    expect(expectData(small)).toBeTruthy();
  });
});
