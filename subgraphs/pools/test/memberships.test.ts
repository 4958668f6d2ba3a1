import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import {
  CLOSE_POOL,
  INVITE,
  POOL,
  countRows,
  createOpenPool,
  createPool,
  join,
  type PoolData,
} from './helpers.ts';

let stack: PoolsHarness;
let manager: TestUser;
let otherManager: TestUser;
let investor: TestUser;

beforeAll(async () => {
  stack = await startPoolsHarness();
  [manager, otherManager, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
});
afterAll(() => stack?.stop());

const memberCount = async (poolId: string) =>
  expectData(
    await graphql<{ pool: PoolData }>(
      stack.gatewayUrl,
      POOL,
      { id: poolId },
      { token: manager.token },
    ),
  ).pool.memberCount;

describe('joinPool', () => {
  it('joins an OPEN pool with a commitment in the pool currency', async () => {
    const pool = await createOpenPool(stack, manager, {
      currency: 'JPY',
      minContribution: '10000',
    });
    const response = await graphql<{ joinPool: Record<string, unknown> }>(
      stack.gatewayUrl,
      `
        mutation J($poolId: ID!) {
          joinPool(poolId: $poolId, commitment: "250000") {
            investor {
              id
              name
            }
            pool {
              id
            }
            commitment {
              amount
              currency
            }
            joinedAt
            called {
              amount
            }
            outstanding {
              amount
            }
          }
        }
      `,
      { poolId: pool.id },
      { token: investor.token },
    );
    expect(expectData(response).joinPool).toMatchObject({
      investor: { id: investor.userId },
      pool: { id: pool.id },
      commitment: { amount: '250000', currency: 'JPY' },
      called: { amount: '0' },
      outstanding: { amount: '0' },
    });
  });

  it('refuses a DRAFT pool as NOT_FOUND and a CLOSED pool as BAD_USER_INPUT', async () => {
    const draft = await createPool(stack, manager);
    expect(errorCodes(await join(stack, investor, draft.id, '100'))).toEqual(['NOT_FOUND']);
    const closed = await createOpenPool(stack, manager);
    await graphql(stack.gatewayUrl, CLOSE_POOL, { id: closed.id }, { token: manager.token });
    const response = await join(stack, investor, closed.id, '100');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain('only OPEN pools accept new members');
  });

  it.each([
    ['below the minimum', '99.99', "pool's minimum of 100.00 USD"],
    ['more decimals than USD has', '150.001', 'at most 2 decimal places'],
    ['zero', '0', 'greater than zero'],
    ['negative', '-150', 'must be positive'],
  ])(
    'rejects a commitment %s with BAD_USER_INPUT and writes nothing',
    async (_case, commitment, message) => {
      const pool = await createOpenPool(stack, manager, { minContribution: '100' });
      const before = await countRows(stack, 'memberships');
      const response = await join(stack, investor, pool.id, commitment);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain('commitment');
      expect(response.errors?.[0]?.message).toContain(message);
      expect(await countRows(stack, 'memberships')).toBe(before);
    },
  );

  it('rejects a second join of the same investor as CONFLICT', async () => {
    const pool = await createOpenPool(stack, manager);
    expectData(await join(stack, investor, pool.id, '10'));
    expect(errorCodes(await join(stack, investor, pool.id, '20'))).toEqual(['CONFLICT']);
    expect(await memberCount(pool.id)).toBe(1);
  });

  it('is FORBIDDEN to a manager without the INVESTOR role', async () => {
    const pool = await createOpenPool(stack, otherManager);
    expect(errorCodes(await join(stack, manager, pool.id, '10'))).toEqual(['FORBIDDEN']);
  });

  it('admits exactly maxInvestors of 20 concurrent joins; the others get CONFLICT', async () => {
    const pool = await createOpenPool(stack, manager, { maxInvestors: 5 });
    const investors = await Promise.all(Array.from({ length: 20 }, () => stack.signUp('INVESTOR')));
    const responses = await Promise.all(investors.map((who) => join(stack, who, pool.id, '10')));
    const codes = responses.map((r) => (r.errors ? errorCodes(r)[0] : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(15);
    expect(await memberCount(pool.id)).toBe(5);
  });
});

describe('inviteInvestor', () => {
  const invite = (user: TestUser, poolId: string, investorId: string, commitment = '500') =>
    graphql<{ inviteInvestor: { investor: { id: string }; commitment: { amount: string } } }>(
      stack.gatewayUrl,
      INVITE,
      { poolId, investorId, commitment },
      { token: user.token },
    );

  it('adds an investor to a DRAFT pool at once, who can then see it', async () => {
    const draft = await createPool(stack, manager, { name: 'anchor round' });
    const invitee = await stack.signUp('INVESTOR');
    const data = expectData(await invite(manager, draft.id, invitee.userId, '1000.5'));
    expect(data.inviteInvestor).toMatchObject({
      investor: { id: invitee.userId },
      commitment: { amount: '1000.50' },
    });
    const seen = await graphql<{ pool: PoolData | null }>(
      stack.gatewayUrl,
      POOL,
      { id: draft.id },
      { token: invitee.token },
    );
    expect(expectData(seen).pool?.name).toBe('anchor round');
    expect(errorCodes(await invite(manager, draft.id, invitee.userId))).toEqual(['CONFLICT']);
  });

  it('refuses a user who is not an investor, an unknown user and a commitment below the minimum', async () => {
    const pool = await createOpenPool(stack, manager, { minContribution: '100' });
    const before = await countRows(stack, 'memberships');
    const notInvestor = await invite(manager, pool.id, otherManager.userId);
    expect(errorCodes(notInvestor)).toEqual(['BAD_USER_INPUT']);
    expect(notInvestor.errors?.[0]?.message).toContain('investorId');
    expect(
      errorCodes(await invite(manager, pool.id, '01890000-0000-7000-8000-000000000000')),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await invite(manager, pool.id, investor.userId, '50'))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await countRows(stack, 'memberships')).toBe(before);
  });

  it('is FORBIDDEN to another manager and to investors', async () => {
    const pool = await createOpenPool(stack, manager);
    expect(errorCodes(await invite(otherManager, pool.id, investor.userId))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await invite(investor, pool.id, investor.userId))).toEqual(['FORBIDDEN']);
  });
});
