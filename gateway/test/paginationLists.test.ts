import { connectMysql, uuidv7 } from '@poolgraph/platform';
import { eventually, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyPage, field, PAGE, type Connection } from './connections.ts';
import { delegatedKey, gql, joinAndContribute, poolOf } from './delegation.ts';

/**
 * The lists that became connections last (API keys, sessions, invitations, terms versions,
 * reconciliation, the reports' investor lines and activity series) through the gateway: each
 * pages forward giving every item once in its stable order, as its deprecated list has them;
 * refuses a page above its maximum and a cursor it did not issue, naming the argument; and
 * shows each caller what the list would, no more.
 */
let stack: Stack;
let managerA: TestUser;
let managerB: TestUser;
let admin: TestUser;
let investors: TestUser[];
let poolsA: string[];
let b1: string;

const ask = (query: string, variables: Record<string, unknown>, user: TestUser) =>
  graphql(stack.gatewayUrl, query, variables, { token: user.token });

/** One page of a connection at `path` (dot-separated) of the answer to `query`. */
const pageOf =
  <T>(query: string, path: string, user: TestUser, variables: Record<string, unknown> = {}) =>
  (after: string | null) =>
    gql<Record<string, unknown>>(stack, query, { ...variables, after }, user).then(
      (data) =>
        path
          .split('.')
          .reduce<unknown>(
            (at, key) => (at as Record<string, unknown>)[key],
            data,
          ) as Connection<T>,
    );

const ids = <T extends { id: string }>(rows: readonly T[]) => rows.map((r) => r.id);
const descending = (values: readonly string[]) => [...values].sort().reverse();

beforeAll(async () => {
  stack = await startStack();
  [managerA, managerB, admin, ...investors] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.admin(),
    ...Array.from({ length: 5 }, () => stack.signUp('INVESTOR')),
  ]);
  poolsA = [];
  for (let n = 0; n < 5; n++) poolsA.push(await poolOf(stack, managerA, `A ${n}`));
  b1 = await poolOf(stack, managerB, 'B one');
  // Five members of A's first pool; the first investor is also in A's third and B's pool.
  for (const investor of investors) await joinAndContribute(stack, poolsA[0]!, investor, '1.00');
  await joinAndContribute(stack, poolsA[2]!, investors[0]!, '2.00');
  await joinAndContribute(stack, b1, investors[0]!, '3.00');
}, 180_000);

afterAll(() => stack?.stop());

describe('the remaining lists as connections', () => {
  it('pages API keys newest first (creation, then id), each once; a manager sees only theirs', async () => {
    const issued = [];
    for (let n = 0; n < 2; n++)
      issued.push(await delegatedKey(stack, managerA, { scopes: ['pools:read'] }));
    const ofB = await delegatedKey(stack, managerB, { scopes: ['pools:read'] });
    // Three older keys of A's created at one instant: the id decides between them.
    const sameInstant = Array.from({ length: 3 }, () => uuidv7());
    const mysql = connectMysql({ url: stack.databases.users!.url }, {});
    try {
      for (const id of sameInstant) {
        await mysql.db.execute(
          sql`INSERT INTO api_keys (id, name, scopes, prefix, secret_hash, created_by, created_at, delegated_by) VALUES (${id}, 'Old key', 'pools:read', 'pgk_old', ${id.replaceAll('-', '').padEnd(64, '0')}, ${managerA.userId}, ${new Date('2026-01-01T00:00:00.000Z')}, ${managerA.userId})`,
        );
      }
    } finally {
      await mysql.close();
    }
    const KEYS = `query($after: String) { apiKeysConnection(first: 2, after: $after) { edges { cursor node { id } } ${PAGE} } }`;
    const LIST = '{ apiKeys { id } }';
    const mine = await everyPage(2, pageOf<{ id: string }>(KEYS, 'apiKeysConnection', managerA));
    expect(mine.pages).toBe(3);
    expect(ids(mine.nodes)).toEqual([
      ...issued.map((k) => k.id).reverse(),
      ...descending(sameInstant),
    ]);
    const listed = await gql<{ apiKeys: Array<{ id: string }> }>(stack, LIST, {}, managerA);
    expect(ids(mine.nodes)).toEqual(ids(listed.apiKeys));
    const theirs = await everyPage(2, pageOf<{ id: string }>(KEYS, 'apiKeysConnection', managerB));
    expect(ids(theirs.nodes)).toEqual([ofB.id]);
    // An admin pages every key, as the list has them; an investor none.
    const every = await everyPage(2, pageOf<{ id: string }>(KEYS, 'apiKeysConnection', admin));
    const all = await gql<{ apiKeys: Array<{ id: string }> }>(stack, LIST, {}, admin);
    expect(ids(every.nodes)).toEqual(ids(all.apiKeys));
    expect(ids(every.nodes)).toEqual(expect.arrayContaining([...ids(mine.nodes), ofB.id]));
    expect(field(await ask(KEYS, { after: null }, investors[0]!))).toEqual([
      ['FORBIDDEN', undefined],
    ]);
  });

  it('pages a user’s own sessions newest first, each once, and nobody else’s', async () => {
    const user = investors[4]!;
    for (let n = 0; n < 3; n++) {
      await graphql(
        stack.gatewayUrl,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        { e: user.email, p: user.password },
      ).then(expectData);
    }
    const SESSIONS = `query($after: String) { mySessionsConnection(first: 2, after: $after) { edges { cursor node { id current } } ${PAGE} } }`;
    const read = pageOf<{ id: string; current: boolean }>(SESSIONS, 'mySessionsConnection', user);
    const { nodes, pages } = await everyPage(2, read);
    expect(pages).toBe(2);
    expect(ids(nodes)).toEqual(descending(ids(nodes)));
    expect(new Set(ids(nodes)).size).toBe(4);
    expect(nodes.filter((s) => s.current)).toHaveLength(1);
    const listed = await gql<{ mySessions: Array<{ id: string }> }>(
      stack,
      '{ mySessions { id } }',
      {},
      user,
    );
    expect(ids(listed.mySessions)).toEqual(ids(nodes));
    const other = await everyPage(
      2,
      pageOf<{ id: string }>(SESSIONS, 'mySessionsConnection', investors[3]!),
    );
    expect(ids(other.nodes).filter((id) => ids(nodes).includes(id))).toEqual([]);
  });

  it('pages a pool’s invitations newest first to its manager only, and an investor’s own, claiming on the first page', async () => {
    const INVITE = 'mutation($p: ID!, $e: String!) { inviteByEmail(poolId: $p, email: $e) { id } }';
    const invite = (poolId: string, email: string) =>
      gql<{ inviteByEmail: { id: string } }>(stack, INVITE, { p: poolId, e: email }, managerA).then(
        (d) => d.inviteByEmail.id,
      );
    const toPool: string[] = [];
    for (let n = 0; n < 5; n++) toPool.push(await invite(poolsA[1]!, `guest${n}@example.com`));
    const POOL_INVITATIONS = `query($id: ID!, $after: String) { pool(id: $id) { invitationsConnection(first: 2, after: $after) { edges { cursor node { id } } ${PAGE} } } }`;
    const ofPool = await everyPage(
      2,
      pageOf<{ id: string }>(POOL_INVITATIONS, 'pool.invitationsConnection', managerA, {
        id: poolsA[1],
      }),
    );
    expect(ofPool.pages).toBe(3);
    expect(ids(ofPool.nodes)).toEqual([...toPool].reverse());
    const listed = await gql<{ pool: { invitations: Array<{ id: string }> } }>(
      stack,
      'query($id: ID!) { pool(id: $id) { invitations { id } } }',
      { id: poolsA[1] },
      managerA,
    );
    expect(ids(ofPool.nodes)).toEqual(ids(listed.pool.invitations));
    // Another manager is refused, as the list refuses them (the pool is listed to them).
    const refused = await ask(POOL_INVITATIONS, { id: poolsA[1], after: null }, managerB);
    expect(field(refused)).toEqual([['FORBIDDEN', undefined]]);

    // Three invitations sent to an investor's email before they read any: the first page claims them.
    const invitee = investors[1]!;
    const toInvitee: string[] = [];
    for (const poolId of [poolsA[2]!, poolsA[3]!, poolsA[4]!]) {
      toInvitee.push(await invite(poolId, invitee.email));
    }
    const MINE = `query($after: String) { myInvitationsConnection(first: 2, after: $after) { edges { cursor node { id } } ${PAGE} } }`;
    const readMine = pageOf<{ id: string }>(MINE, 'myInvitationsConnection', invitee);
    const first = await readMine(null);
    expect(ids(first.edges.map((e) => e.node))).toEqual([toInvitee[2], toInvitee[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await readMine(first.pageInfo.endCursor);
    expect(ids(second.edges.map((e) => e.node))).toEqual([toInvitee[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const mineListed = await gql<{ myInvitations: Array<{ id: string }> }>(
      stack,
      '{ myInvitations { id } }',
      {},
      invitee,
    );
    expect(ids(mineListed.myInvitations)).toEqual([...toInvitee].reverse());
    // Another investor has none of them; a manager is refused (INVESTOR only), as by the list.
    const other = await everyPage(
      2,
      pageOf<{ id: string }>(MINE, 'myInvitationsConnection', investors[2]!),
    );
    expect(other.nodes).toEqual([]);
    expect(field(await ask(MINE, { after: null }, managerA))).toEqual([['FORBIDDEN', undefined]]);
  });

  it('pages a pool’s terms versions newest first to its manager only', async () => {
    const SET =
      'mutation($p: ID!, $i: PoolTermsInput!) { setPoolTerms(poolId: $p, input: $i) { id } }';
    for (const carryBps of [1000, 1500, 2000]) {
      await gql(
        stack,
        SET,
        {
          p: poolsA[1],
          i: { managementFeeBps: 200, feeBasis: 'COMMITMENTS', feeFrequency: 'ANNUAL', carryBps },
        },
        managerA,
      );
    }
    const TERMS = `query($id: ID!, $after: String) { pool(id: $id) { termsHistoryConnection(first: 2, after: $after) { edges { cursor node { version carryBps } } ${PAGE} } } }`;
    const { nodes, pages } = await everyPage(
      2,
      pageOf<{ version: number; carryBps: number }>(
        TERMS,
        'pool.termsHistoryConnection',
        managerA,
        {
          id: poolsA[1],
        },
      ),
    );
    expect(pages).toBe(2);
    expect(nodes).toEqual([
      { version: 3, carryBps: 2000 },
      { version: 2, carryBps: 1500 },
      { version: 1, carryBps: 1000 },
    ]);
    const listed = await gql<{ pool: { termsHistory: unknown[] } }>(
      stack,
      'query($id: ID!) { pool(id: $id) { termsHistory { version carryBps } } }',
      { id: poolsA[1] },
      managerA,
    );
    expect(listed.pool.termsHistory).toEqual(nodes);
    const refused = await ask(TERMS, { id: poolsA[1], after: null }, managerB);
    expect(field(refused)).toEqual([['FORBIDDEN', undefined]]);
  });

  it('pages a pool’s payment mismatches by transaction id, newest first, to its manager and admins only', async () => {
    // Five bank transfers that arrived for contributions the ledger has no record of: held.
    const held = Array.from({ length: 5 }, () => uuidv7());
    const mysql = connectMysql({ url: stack.databases.ledger!.url }, {});
    try {
      for (const [n, id] of held.entries()) {
        await mysql.db.execute(
          sql`INSERT INTO payments (transaction_id, provider, method, pool_id, investor_id, amount, currency, reference, provider_status, received_amount) VALUES (${id}, 'bank', 'BANK_TRANSFER', ${poolsA[3]}, ${investors[0]!.userId}, 500, 'USD', ${`REF-PAGE-${n}`}, 'received', ${500 + n})`,
        );
      }
    } finally {
      await mysql.close();
    }
    const MISMATCHES = `query($p: ID!, $after: String) { paymentMismatchesConnection(poolId: $p, first: 2, after: $after) { edges { cursor node { kind providerAmount { amount } } } ${PAGE} } }`;
    type Mismatch = { kind: string; providerAmount: { amount: string } | null };
    const read = (user: TestUser) =>
      pageOf<Mismatch>(MISMATCHES, 'paymentMismatchesConnection', user, { p: poolsA[3] });
    const { nodes, pages } = await everyPage(2, read(managerA));
    expect(pages).toBe(3);
    // By transaction id, descending (5.0n arrived for the n-th id).
    expect(nodes).toEqual(
      descending(held).map((id) => ({
        kind: 'HELD_IN_SUSPENSE',
        providerAmount: { amount: `5.0${held.indexOf(id)}` },
      })),
    );
    const listed = await gql<{ paymentMismatches: Mismatch[] }>(
      stack,
      'query($p: ID!) { paymentMismatches(poolId: $p) { kind providerAmount { amount } } }',
      { p: poolsA[3] },
      managerA,
    );
    expect(listed.paymentMismatches).toEqual(expect.arrayContaining(nodes));
    expect(listed.paymentMismatches).toHaveLength(nodes.length);
    expect((await everyPage(2, read(admin))).nodes).toEqual(nodes);
    for (const user of [managerB, investors[0]!]) {
      const refused = await ask(MISMATCHES, { p: poolsA[3], after: null }, user);
      expect(field(refused)).toEqual([['FORBIDDEN', undefined]]);
    }
  });

  it('pages a pool’s investor lines by investor id, and an investor sees only their own', async () => {
    const INVESTORS = `query($p: ID!, $after: String) { poolPerformance(poolId: $p) { investorsConnection(first: 2, after: $after) { edges { cursor node { investor { id } contributed { amount } } } ${PAGE} } } }`;
    type Line = { investor: { id: string }; contributed: { amount: string } };
    const read = (user: TestUser) =>
      pageOf<Line>(INVESTORS, 'poolPerformance.investorsConnection', user, { p: poolsA[0] });
    // The reports read model hears of the contributions through the ledger's events.
    const { nodes, pages } = await eventually(async () => {
      const all = await everyPage(2, read(managerA));
      expect(all.nodes).toHaveLength(5);
      return all;
    }, 30_000);
    expect(pages).toBe(3);
    expect(nodes.map((l) => l.investor.id)).toEqual(investors.map((i) => i.userId).sort());
    const listed = await gql<{ poolPerformance: { investors: Line[] } }>(
      stack,
      'query($p: ID!) { poolPerformance(poolId: $p) { investors { investor { id } contributed { amount } } } }',
      { p: poolsA[0] },
      managerA,
    );
    expect(listed.poolPerformance.investors).toEqual(nodes);
    const own = await everyPage(2, read(investors[3]!));
    expect(own.nodes.map((l) => l.investor.id)).toEqual([investors[3]!.userId]);
  });

  it('pages an investor’s performance by pool id, and a manager sees only their pools’ lines', async () => {
    const LINES = `query($i: ID!, $after: String) { investorPerformanceConnection(investorId: $i, first: 2, after: $after) { edges { cursor node { pool { id } } } ${PAGE} } }`;
    const read = (user: TestUser) =>
      pageOf<{ pool: { id: string } }>(LINES, 'investorPerformanceConnection', user, {
        i: investors[0]!.userId,
      });
    const joined = [poolsA[0]!, poolsA[2]!, b1].sort();
    const { nodes, pages } = await eventually(async () => {
      const all = await everyPage(2, read(investors[0]!));
      expect(all.nodes).toHaveLength(3);
      return all;
    }, 30_000);
    expect(pages).toBe(2);
    expect(nodes.map((l) => l.pool.id)).toEqual(joined);
    const listed = await gql<{ investorPerformance: Array<{ pool: { id: string } }> }>(
      stack,
      'query($i: ID!) { investorPerformance(investorId: $i) { pool { id } } }',
      { i: investors[0]!.userId },
      investors[0]!,
    );
    expect(listed.investorPerformance).toEqual(nodes);
    const ofB = await everyPage(2, read(managerB));
    expect(ofB.nodes.map((l) => l.pool.id)).toEqual([b1]);
    const refused = await ask(LINES, { i: investors[0]!.userId, after: null }, investors[1]!);
    expect(field(refused)).toEqual([['FORBIDDEN', undefined]]);
  });

  it('pages a pool’s activity by day and by month, oldest first, as the lists have it', async () => {
    const days = ['2026-01-05', '2026-01-20', '2026-02-03', '2026-03-01', '2026-03-15'];
    const mysql = connectMysql({ url: stack.databases.reports!.url }, {});
    try {
      for (const day of days) {
        await mysql.db.execute(
          sql`INSERT INTO pool_days (pool_id, day, contributed, distributed) VALUES (${poolsA[4]}, ${day}, 100, 0)`,
        );
      }
    } finally {
      await mysql.close();
    }
    const series = async (grain: 'byDay' | 'byMonth') => {
      const query = `query($p: ID!, $after: String) { poolPerformance(poolId: $p) { ${grain}Connection(first: 2, after: $after) { edges { cursor node { period contributed { amount } } } ${PAGE} } } }`;
      const paged = await eventually(() =>
        everyPage(
          2,
          pageOf<{ period: string }>(query, `poolPerformance.${grain}Connection`, managerA, {
            p: poolsA[4],
          }),
        ),
      );
      const listed = await gql<{ poolPerformance: Record<string, unknown[]> }>(
        stack,
        `query($p: ID!) { poolPerformance(poolId: $p) { ${grain} { period contributed { amount } } } }`,
        { p: poolsA[4] },
        managerA,
      );
      expect(listed.poolPerformance[grain]).toEqual(paged.nodes);
      return paged;
    };
    const byDay = await series('byDay');
    expect(byDay.pages).toBe(3);
    expect(byDay.nodes.map((p) => p.period)).toEqual(days);
    const byMonth = await series('byMonth');
    expect(byMonth.pages).toBe(2);
    expect(byMonth.nodes.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('their limits and cursors', () => {
  const EDGES = 'edges { cursor }';
  const cases = (first: number | null, after: string | null) => {
    const args = `(first: ${first ?? 1}${after === null ? '' : `, after: "${after}"`})`;
    return [
      [`{ apiKeysConnection${args} { ${EDGES} } }`, managerA],
      [`{ mySessionsConnection${args} { ${EDGES} } }`, managerA],
      [`{ myInvitationsConnection${args} { ${EDGES} } }`, investors[1]!],
      [`{ pool(id: "${poolsA[1]}") { invitationsConnection${args} { ${EDGES} } } }`, managerA],
      [`{ pool(id: "${poolsA[1]}") { termsHistoryConnection${args} { ${EDGES} } } }`, managerA],
      [
        `{ paymentMismatchesConnection${args.replace('(', `(poolId: "${poolsA[3]}", `)} { ${EDGES} } }`,
        managerA,
      ],
      [
        `{ poolPerformance(poolId: "${poolsA[0]}") { investorsConnection${args} { ${EDGES} } } }`,
        managerA,
      ],
      [
        `{ investorPerformanceConnection${args.replace('(', `(investorId: "${investors[0]!.userId}", `)} { ${EDGES} } }`,
        investors[0]!,
      ],
      [
        `{ poolPerformance(poolId: "${poolsA[0]}") { byDayConnection${args} { ${EDGES} } } }`,
        managerA,
      ],
      [
        `{ poolPerformance(poolId: "${poolsA[0]}") { byMonthConnection${args} { ${EDGES} } } }`,
        managerA,
      ],
    ] as Array<[string, TestUser]>;
  };

  it('refuses a page above each one’s maximum (and below 1), naming first', async () => {
    const maxima = [200, 200, 200, 200, 200, 200, 500, 100, 1000, 1000];
    const above = cases(null, null).map(
      ([query, user], n) => [query.replace('first: 1', `first: ${maxima[n]! + 1}`), user] as const,
    );
    for (const [query, user] of [...above, ...cases(0, null)]) {
      expect([query, field(await ask(query, {}, user))]).toEqual([
        query,
        [['BAD_USER_INPUT', 'first']],
      ]);
    }
  });

  it('refuses another field’s cursor and an edited one, naming after', async () => {
    // A pool cursor, and a cursor of each sibling list of the same shape.
    const poolCursor = Buffer.from(`pool:${poolsA[0]}`).toString('base64url');
    const invitationCursor = Buffer.from(`invitation:${uuidv7()}`).toString('base64url');
    const monthCursor = Buffer.from('performance-month:2026-01').toString('base64url');
    for (const after of [poolCursor, invitationCursor, monthCursor, 'not a cursor']) {
      for (const [query, user] of cases(1, after)) {
        // These two are the own kinds of byMonthConnection and Pool.invitationsConnection.
        if (after === monthCursor && query.includes('byMonthConnection')) continue;
        if (after === invitationCursor && query.includes('{ invitationsConnection')) continue;
        expect([query, field(await ask(query, {}, user))]).toEqual([
          query,
          [['BAD_USER_INPUT', 'after']],
        ]);
      }
    }
    const editedDay = Buffer.from('performance-day:2026-1-5').toString('base64url');
    const DAY = `{ poolPerformance(poolId: "${poolsA[0]}") { byDayConnection(after: "${editedDay}") { ${EDGES} } } }`;
    expect(field(await ask(DAY, {}, managerA))).toEqual([['BAD_USER_INPUT', 'after']]);
  });

  it('counts first in the cost limit: pools each with a page of invitations and terms is too complex', async () => {
    const deep = await ask(
      '{ poolsConnection(first: 100) { edges { node { invitationsConnection(first: 200) { edges { node { id pool { id } } } } termsHistoryConnection(first: 200) { edges { node { version setBy { id } } } } } } } }',
      {},
      managerA,
    );
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await ask(
      '{ poolsConnection(first: 5) { edges { node { id } } } apiKeysConnection(first: 200) { edges { node { id } } } }',
      {},
      managerA,
    );
    expect(expectData(small)).toBeTruthy();
  });
});
