import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@poolgraph/platform';
import { expectData, graphql } from '@poolgraph/testing';
import { memberships } from '../src/db/schema.ts';
import { insertPools } from '../src/data/pools.ts';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { CALL_CAPITAL, inAMonth } from './helpers.ts';

let stack: PoolsHarness;
let queries = 0;
let bigManager: TestUser;
let smallManager: TestUser;
let investors: TestUser[];
let admin: TestUser;

/** Pools and memberships written through the data layer: fast, and no GraphQL in the count. */
async function seed(manager: TestUser, pools: number, members: TestUser[]): Promise<string[]> {
  const poolIds: string[] = [];
  for (let n = 0; n < pools; n++) {
    const id = uuidv7();
    poolIds.push(id);
    const now = new Date();
    await insertPools(stack.poolsDb.db, [
      {
        id,
        managerId: manager.userId,
        name: `pool ${n}`,
        currency: 'USD',
        status: 'CLOSED',
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }
  const rows = poolIds.flatMap((poolId) =>
    members.map((member) => ({
      id: uuidv7(),
      poolId,
      investorId: member.userId,
      commitmentMinor: 100_00n,
    })),
  );
  for (let start = 0; start < rows.length; start += 1000) {
    await stack.poolsDb.db.insert(memberships).values(rows.slice(start, start + 1000));
  }
  return poolIds;
}

beforeAll(async () => {
  stack = await startPoolsHarness({ onPoolsQuery: () => void queries++ });
  [bigManager, smallManager, admin, ...investors] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.admin(),
    ...Array.from({ length: 50 }, () => stack.signUp('INVESTOR')),
  ]);
  // CLOSED (not listed to others), so each manager sees exactly its own pools.
  const [firstBig] = await seed(bigManager, 100, investors);
  const [firstSmall] = await seed(smallManager, 2, investors.slice(0, 3));
  // A capital call on one pool of each, so the nested call fields have rows to load.
  for (const [poolId, manager] of [
    [firstBig, bigManager],
    [firstSmall, smallManager],
  ] as const) {
    expectData(
      await graphql(
        stack.gatewayUrl,
        CALL_CAPITAL,
        { poolId, percent: 10, dueDate: inAMonth() },
        { token: manager.token },
      ),
    );
  }
}, 120_000);
afterAll(() => stack?.stop());

const MEMBERS = `query PoolMembers { pools { id members { investor { name } commitment { amount } } } }`;
const EVERYTHING = `query PoolsDeep { pools {
  id memberCount manager { id }
  members { id joinedAt investor { name } pool { id name } called { amount } outstanding { amount } }
  capitalCalls { percent totalCalled { amount } items { investor { name } called { amount } } }
} }`;

async function countQueries(query: string, user: TestUser) {
  queries = 0;
  const data = expectData(
    await graphql<{ pools: Array<{ members: unknown[] }> }>(
      stack.gatewayUrl,
      query,
      {},
      { token: user.token },
    ),
  );
  return {
    queries,
    pools: data.pools.length,
    members: data.pools.reduce((n, p) => n + p.members.length, 0),
  };
}

describe('SQL queries per operation in the pools subgraph', () => {
  it('stays at two for 100 pools × 50 members with their investors’ names', async () => {
    const big = await countQueries(MEMBERS, bigManager);
    expect([big.pools, big.members]).toEqual([100, 5000]);
    // The visible pools, then the members of all of them.
    expect(big.queries).toBe(2);
  });

  it('is the same small constant for a deep query over 100 × 50 as over 2 × 3', async () => {
    const big = await countQueries(EVERYTHING, bigManager);
    const small = await countQueries(EVERYTHING, smallManager);
    expect([big.pools, big.members]).toEqual([100, 5000]);
    expect([small.pools, small.members]).toEqual([2, 6]);
    expect(big.queries).toBe(small.queries);
    // pools, members, member counts, call totals per member, calls, call items.
    expect(big.queries).toBe(6);
  });

  it('stays constant for an investor, whose view is filtered per pool, and for an admin', async () => {
    const investor = await countQueries(EVERYTHING, investors[0]!);
    expect(investor.pools).toBe(102);
    expect(investor.members).toBe(102);
    // The same, with its own memberships (one batch) instead of every member.
    expect(investor.queries).toBe(6);
    const asAdmin = await countQueries(MEMBERS, admin);
    expect(asAdmin.members).toBe(5006);
    expect(asAdmin.queries).toBe(2);
  });
});

const CONNECTION = `query PoolsPage($after: String) {
  poolsConnection(first: 100, after: $after) {
    edges { node { id membersConnection(first: 50) { edges { node { investor { name } commitment { amount } } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('SQL queries per page of the connections', () => {
  it('stays at two for a page of 100 pools with 50 members each, and pages on in the same two', async () => {
    type Page = {
      poolsConnection: {
        edges: Array<{ node: { membersConnection: { edges: unknown[] } } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    queries = 0;
    const first = expectData(
      await graphql<Page>(stack.gatewayUrl, CONNECTION, {}, { token: admin.token }),
    ).poolsConnection;
    expect(first.edges).toHaveLength(100);
    expect(first.edges.map((e) => e.node.membersConnection.edges.length)).toContain(50);
    // The page of pools (one more than asked, for hasNextPage), then the members of all of them.
    expect(queries).toBe(2);
    queries = 0;
    const second = expectData(
      await graphql<Page>(
        stack.gatewayUrl,
        CONNECTION,
        { after: first.pageInfo.endCursor },
        { token: admin.token },
      ),
    ).poolsConnection;
    expect(second.edges).toHaveLength(2);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(queries).toBe(2);
  });
});
