import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import {
  ARCHIVE_POOL,
  CALL_CAPITAL,
  CLOSE_POOL,
  REMOVE_MEMBER,
  createOpenPool,
  inAMonth,
  join,
  type PoolData,
} from './helpers.ts';

let stack: PoolsHarness;
let manager: TestUser;
let otherManager: TestUser;
let investor: TestUser;
let stayer: TestUser;
let pool: PoolData;

beforeAll(async () => {
  stack = await startPoolsHarness();
  [manager, otherManager, investor, stayer] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
  ]);
});
afterAll(() => stack?.stop());

beforeEach(async () => {
  stack.ledger.down = false;
  pool = await createOpenPool(stack, manager);
  expectData(await join(stack, investor, pool.id, '100'));
  expectData(await join(stack, stayer, pool.id, '300'));
});

const remove = (user = manager, investorId = investor.userId) =>
  graphql<{ removeMember: { memberCount: number } }>(
    stack.gatewayUrl,
    REMOVE_MEMBER,
    { poolId: pool.id, investorId },
    { token: user.token },
  );

describe('removeMember', () => {
  it('removes a member the ledger has no position for, asking the ledger as the manager', async () => {
    expect(expectData(await remove()).removeMember.memberCount).toBe(1);
    expect(stack.ledger.lastAuthorization).toBe(`Bearer ${manager.token}`);
    // Removed, so they may join again.
    expectData(await join(stack, investor, pool.id, '100'));
  });

  it('removes a member whose capital account is back to zero', async () => {
    stack.ledger.setPosition(pool.id, investor.userId, '0.00');
    expect(expectData(await remove()).removeMember.memberCount).toBe(1);
  });

  it('refuses, as CONFLICT, to remove a member with capital left, and keeps them', async () => {
    stack.ledger.setPosition(pool.id, investor.userId, '150.00');
    const response = await remove();
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors?.[0]?.message).toContain('150.00 USD');
    // After a profit distribution the capital account is negative: not zero either.
    stack.ledger.setPosition(pool.id, investor.userId, '-20.00');
    expect(errorCodes(await remove())).toEqual(['CONFLICT']);
    expect(errorCodes(await join(stack, investor, pool.id, '100'))).toEqual(['CONFLICT']);
  });

  it('refuses to remove anyone while the ledger cannot be asked', async () => {
    stack.ledger.down = true;
    const response = await remove();
    expect(errorCodes(response)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(response.errors?.[0]?.message).toContain('nothing was changed');
    stack.ledger.down = false;
    expect(errorCodes(await join(stack, investor, pool.id, '100'))).toEqual(['CONFLICT']);
  });

  it("releases the member's unpaid capital calls and leaves the others' intact", async () => {
    const CALLS = `query C($id: ID!) { pool(id: $id) { capitalCalls { totalCalled { amount } items { investor { id } } } } }`;
    expectData(
      await graphql(
        stack.gatewayUrl,
        CALL_CAPITAL,
        { poolId: pool.id, percent: 50, dueDate: inAMonth() },
        { token: manager.token },
      ),
    );
    expectData(await remove());
    const calls = expectData(
      await graphql<{
        pool: {
          capitalCalls: Array<{
            totalCalled: { amount: string };
            items: Array<{ investor: { id: string } }>;
          }>;
        };
      }>(stack.gatewayUrl, CALLS, { id: pool.id }, { token: manager.token }),
    ).pool.capitalCalls;
    expect(calls[0]?.items.map((i) => i.investor.id)).toEqual([stayer.userId]);
    expect(calls[0]?.totalCalled.amount).toBe('150.00');
  });

  it('is FORBIDDEN to another manager and to the investor, NOT_FOUND for a non-member', async () => {
    expect(errorCodes(await remove(otherManager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await remove(investor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await remove(manager, otherManager.userId))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await remove(manager, 'not-an-id'))).toEqual(['NOT_FOUND']);
  });

  it('refuses to change the members of an ARCHIVED pool', async () => {
    for (const op of [CLOSE_POOL, ARCHIVE_POOL]) {
      expectData(await graphql(stack.gatewayUrl, op, { id: pool.id }, { token: manager.token }));
    }
    const response = await remove();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain('ARCHIVED');
  });
});
