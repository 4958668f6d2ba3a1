import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { POOL, POOLS, type PoolData } from './helpers.ts';
import { buildWorld } from './world.ts';

let stack: PoolsHarness;
let managerA: TestUser;
let managerB: TestUser;
let member: TestUser;
let outsider: TestUser;
let admin: TestUser;
let draftA: PoolData;
let openA: PoolData;
let closedA: PoolData;
let draftB: PoolData;
let openB: PoolData;

beforeAll(async () => {
  stack = await startPoolsHarness();
  ({ managerA, managerB, member, outsider, admin, draftA, openA, closedA, draftB, openB } =
    await buildWorld(stack));
});
afterAll(() => stack?.stop());

const poolIds = async (user: TestUser) =>
  expectData(
    await graphql<{ pools: Array<{ id: string }> }>(
      stack.gatewayUrl,
      POOLS,
      {},
      { token: user.token },
    ),
  )
    .pools.map((p) => p.id)
    .sort();
describe('Query.pools', () => {
  it('shows a manager their own pools (any state) and the OPEN pools of others', async () => {
    expect(await poolIds(managerA)).toEqual([draftA.id, openA.id, closedA.id, openB.id].sort());
  });

  it('shows an investor the OPEN pools and the pools they belong to, never a DRAFT', async () => {
    expect(await poolIds(member)).toEqual([openA.id, closedA.id, openB.id].sort());
    expect(await poolIds(outsider)).toEqual([openA.id, openB.id].sort());
  });

  it('shows an admin every pool', async () => {
    expect(await poolIds(admin)).toEqual(
      [draftA.id, openA.id, closedA.id, draftB.id, openB.id].sort(),
    );
  });

  it('is UNAUTHENTICATED without a token', async () => {
    expect(errorCodes(await graphql(stack.gatewayUrl, POOLS))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('Query.pool', () => {
  const pool = async (id: string, user: TestUser) =>
    expectData(
      await graphql<{ pool: PoolData | null }>(
        stack.gatewayUrl,
        POOL,
        { id },
        { token: user.token },
      ),
    ).pool;

  it("returns null to an investor asking for another manager's DRAFT pool", async () => {
    expect(await pool(draftB.id, member)).toBeNull();
    expect(await pool(draftB.id, managerA)).toBeNull();
    expect((await pool(draftB.id, admin))?.id).toBe(draftB.id);
  });

  it('returns a CLOSED pool to its member but not to other investors', async () => {
    expect((await pool(closedA.id, member))?.status).toBe('CLOSED');
    expect(await pool(closedA.id, outsider)).toBeNull();
  });

  it('returns null for an unknown or malformed id', async () => {
    expect(await pool('01890000-0000-7000-8000-000000000000', admin)).toBeNull();
    expect(await pool('nope', admin)).toBeNull();
  });
});

describe('Pool.members', () => {
  const MEMBERS = `query Members($id: ID!) { pool(id: $id) { memberCount members { investor { id name } commitment { amount } } } }`;
  const members = async (user: TestUser) =>
    expectData(
      await graphql<{
        pool: { memberCount: number; members: Array<{ investor: { id: string } }> };
      }>(stack.gatewayUrl, MEMBERS, { id: openB.id }, { token: user.token }),
    ).pool;

  it('lists every member to the manager and admins, only their own membership to an investor', async () => {
    expect((await members(managerB)).members.map((m) => m.investor.id)).toEqual([outsider.userId]);
    expect((await members(admin)).members).toHaveLength(1);
    expect((await members(outsider)).members.map((m) => m.investor.id)).toEqual([outsider.userId]);
    const forOther = await members(member);
    expect(forOther.members).toEqual([]);
    expect(forOther.memberCount).toBe(1);
  });
});

describe('Query.membership', () => {
  const MEMBERSHIP = `query M($poolId: ID!, $investorId: ID!) { membership(poolId: $poolId, investorId: $investorId) { id commitment { amount currency } } }`;
  const ask = async (user: TestUser) =>
    expectData(
      await graphql<{ membership: { commitment: { amount: string } } | null }>(
        stack.gatewayUrl,
        MEMBERSHIP,
        { poolId: closedA.id, investorId: member.userId },
        { token: user.token },
      ),
    ).membership;

  it("is visible to the investor, the pool's manager and admins; null to anyone else", async () => {
    expect((await ask(member))?.commitment.amount).toBe('250.50');
    expect((await ask(managerA))?.commitment.amount).toBe('250.50');
    expect((await ask(admin))?.commitment.amount).toBe('250.50');
    expect(await ask(outsider)).toBeNull();
    expect(await ask(managerB)).toBeNull();
  });
});

describe("the ledger's access query, sent straight to pools with the caller's token", () => {
  const LEDGER_POOL_ACCESS = `query LedgerPoolAccess($poolId: ID!, $investorId: ID!) {
    pool(id: $poolId) { id currency status manager { id } }
    membership(poolId: $poolId, investorId: $investorId) { id }
  }`;
  type Access = {
    pool: { currency: string; status: string; manager: { id: string } } | null;
    membership: { id: string } | null;
  };
  const access = async (user: TestUser, poolId: string, investorId: string) =>
    expectData(
      await graphql<Access>(
        stack.poolsUrl,
        LEDGER_POOL_ACCESS,
        { poolId, investorId },
        { token: user.token },
      ),
    );

  it('answers the investor themself, the manager and an admin', async () => {
    for (const user of [member, managerA, admin]) {
      const answer = await access(user, closedA.id, member.userId);
      expect(answer.pool).toEqual({
        id: closedA.id,
        currency: 'USD',
        status: 'CLOSED',
        manager: { id: managerA.userId },
      });
      expect(answer.membership).not.toBeNull();
    }
  });

  it('shows a non-member the OPEN pool but no membership, and nothing of a pool they cannot see', async () => {
    const open = await access(outsider, openA.id, outsider.userId);
    expect(open.pool?.status).toBe('OPEN');
    expect(open.membership).toBeNull();
    expect(await access(outsider, closedA.id, member.userId)).toEqual({
      pool: null,
      membership: null,
    });
  });
});
