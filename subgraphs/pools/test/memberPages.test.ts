import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { createOpenPool, join } from './helpers.ts';

let stack: PoolsHarness;
let manager: TestUser;
let investors: TestUser[];
let poolId: string;
/** Membership ids in join order, as the manager sees them. */
let joined: string[];

const MEMBERS = `query Members($id: ID!, $first: Int, $after: ID) {
  pool(id: $id) { members(first: $first, after: $after) { id investor { id } } }
}`;
const page = (user: TestUser, variables: { first?: number; after?: string }) =>
  graphql<{ pool: { members: Array<{ id: string; investor: { id: string } }> } }>(
    stack.gatewayUrl,
    MEMBERS,
    { id: poolId, ...variables },
    { token: user.token },
  );

beforeAll(async () => {
  stack = await startPoolsHarness();
  manager = await stack.signUp('MANAGER');
  investors = await Promise.all([1, 2, 3].map(() => stack.signUp('INVESTOR')));
  poolId = (await createOpenPool(stack, manager)).id;
  // One after the other: members are listed in join order.
  for (const investor of investors) expectData(await join(stack, investor, poolId, '100'));
  joined = expectData(await page(manager, {})).pool.members.map((m) => m.id);
});
afterAll(() => stack?.stop());

describe('Pool.members pages', () => {
  it('lists every member without arguments, as before pages existed', () => {
    expect(joined).toHaveLength(3);
  });

  it('pages through the members with first and after', async () => {
    const first = expectData(await page(manager, { first: 2 })).pool.members;
    expect(first.map((m) => m.id)).toEqual(joined.slice(0, 2));
    const rest = expectData(await page(manager, { first: 2, after: first[1]!.id })).pool.members;
    expect(rest.map((m) => m.id)).toEqual(joined.slice(2));
  });

  it('refuses first outside 1 to 500 and an after that is not a member of the pool', async () => {
    for (const first of [0, 501]) {
      const response = await page(manager, { first });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toBe(`first: must be between 1 and 500, got ${first}.`);
    }
    const unknown = await page(manager, { after: '00000000-0000-7000-8000-000000000000' });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
  });

  it("pages an investor's view too: only their own membership", async () => {
    const own = expectData(await page(investors[1]!, { first: 1 })).pool.members;
    expect(own.map((m) => m.investor.id)).toEqual([investors[1]!.userId]);
    // Another member's id is not on the investor's page, so it is no cursor for them.
    expect(errorCodes(await page(investors[1]!, { after: joined[0]! }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
