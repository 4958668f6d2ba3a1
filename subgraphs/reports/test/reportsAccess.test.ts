import { errorCodes, eventually, graphql, persistedQueriesDir } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOP_INVESTORS, brief, signUpPartner, type Ranking } from './fixtures.ts';
import { PERFORMANCE, STATEMENT, contribute, gql, openPool, type StatementLine } from './live.ts';

describe('who may read which report', () => {
  let stack: Stack;
  let admin: TestUser;
  let partner: TestUser;
  let outsider: TestUser;
  let otherManager: TestUser;
  let first: Awaited<ReturnType<typeof openPool>>;
  let second: Awaited<ReturnType<typeof openPool>>;
  /** A member of both pools. */
  let both: TestUser;

  beforeAll(async () => {
    // The partner calls by id: its operations are in the gateway's manifest.
    stack = await startStack({
      gateway: {
        persistedQueriesDir: await persistedQueriesDir([TOP_INVESTORS, PERFORMANCE, STATEMENT]),
      },
    });
    [admin, partner, outsider, otherManager] = await Promise.all([
      stack.admin(),
      signUpPartner(stack),
      stack.signUp('INVESTOR'),
      stack.signUp('MANAGER'),
    ]);
    first = await openPool(stack, 2);
    second = await openPool(stack, 1);
    both = first.members[0]!;
    await gql(
      stack,
      'mutation($p: ID!, $c: Decimal!) { joinPool(poolId: $p, commitment: $c) { id } }',
      { p: second.poolId, c: '500' },
      both,
    );
    await contribute(stack, first.poolId, both, '10.00');
    await contribute(stack, first.poolId, first.members[1]!, '20.00');
    await contribute(stack, second.poolId, both, '30.00');
    await contribute(stack, second.poolId, second.members[0]!, '40.00');
    // Both read models (ledger and pools events) have caught up.
    await eventually(async () => {
      const performance = (user: TestUser, p: string) => gql(stack, PERFORMANCE, { p }, user);
      await performance(first.manager, first.poolId);
      await performance(second.manager, second.poolId);
      const r = await gql<{ poolPerformance: { investorCount: number } }>(
        stack,
        PERFORMANCE,
        { p: second.poolId },
        admin,
      );
      expect(r.poolPerformance.investorCount).toBe(2);
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const codes = (query: string, variables: Record<string, unknown>, user?: TestUser) =>
    graphql(stack.gatewayUrl, query, variables, user ?? {}).then(errorCodes);

  it("serves poolPerformance to admins, partners, the pool's manager and its investors only", async () => {
    const p = { p: first.poolId };
    for (const user of [admin, partner, first.manager, both, first.members[1]!]) {
      expect(await codes(PERFORMANCE, p, user)).toEqual([]);
    }
    expect(await codes(PERFORMANCE, p, otherManager)).toEqual(['FORBIDDEN']);
    expect(await codes(PERFORMANCE, p, second.manager)).toEqual(['FORBIDDEN']);
    expect(await codes(PERFORMANCE, p, outsider)).toEqual(['FORBIDDEN']);
    expect(await codes(PERFORMANCE, { p: second.poolId }, first.members[1]!)).toEqual([
      'FORBIDDEN',
    ]);
    expect(await codes(PERFORMANCE, p)).toEqual(['UNAUTHENTICATED']);
    expect(await codes(PERFORMANCE, { p: '0190b7a0-0000-7000-8000-000000000000' }, admin)).toEqual([
      'NOT_FOUND',
    ]);
    expect(await codes(PERFORMANCE, { p: "x' OR 1=1 --" }, admin)).toEqual(['NOT_FOUND']);
    // Going around the gateway gains nothing: the subgraph checks the token itself.
    const direct = `${stack.urls.reports}/graphql`;
    expect(errorCodes(await graphql(direct, PERFORMANCE, p, outsider))).toEqual(['FORBIDDEN']);
  });

  it('serves a statement to the investor, admins and partners in full, and managers their pools', async () => {
    const lines = async (user: TestUser) =>
      (
        await gql<{ investorStatement: { lines: StatementLine[] } }>(
          stack,
          STATEMENT,
          { i: both.userId },
          user,
        )
      ).investorStatement.lines.map((l) => [l.pool.id, l.contributions.amount]);
    const everything = [
      [first.poolId, '10.00'],
      [second.poolId, '30.00'],
    ].sort();
    expect(await lines(both)).toEqual(everything);
    expect(await lines(admin)).toEqual(everything);
    expect(await lines(partner)).toEqual(everything);
    expect(await lines(first.manager)).toEqual([[first.poolId, '10.00']]);
    expect(await lines(second.manager)).toEqual([[second.poolId, '30.00']]);
    expect(await lines(otherManager)).toEqual([]);
    expect(await codes(STATEMENT, { i: both.userId }, outsider)).toEqual(['FORBIDDEN']);
    expect(await codes(STATEMENT, { i: both.userId }, first.members[1]!)).toEqual(['FORBIDDEN']);
    expect(await codes(STATEMENT, { i: both.userId })).toEqual(['UNAUTHENTICATED']);
    expect(
      await codes(
        STATEMENT,
        { i: both.userId, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        both,
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('ranks investors for a manager over the pools they manage only', async () => {
    const top = async (user: TestUser) =>
      brief(
        (await gql<{ topInvestors: Ranking[] }>(stack, TOP_INVESTORS, { limit: 10 }, user))
          .topInvestors,
      );
    expect(await top(first.manager)).toEqual([
      [first.members[1]!.userId, 1, '20.00'],
      [both.userId, 1, '10.00'],
    ]);
    expect(await top(second.manager)).toEqual([
      [second.members[0]!.userId, 1, '40.00'],
      [both.userId, 1, '30.00'],
    ]);
    expect((await top(admin))[0]).toEqual([both.userId, 2, '40.00']);
    expect(await codes(TOP_INVESTORS, {}, both)).toEqual(['FORBIDDEN']);
  });

  it('tells any signed-in caller how fresh the reports are, and nobody else', async () => {
    const FRESHNESS = '{ reportsFreshness { lastEventAt lagSeconds } }';
    expect(await codes(FRESHNESS, {}, outsider)).toEqual([]);
    expect(await codes(FRESHNESS, {})).toEqual(['UNAUTHENTICATED']);
  });
});
