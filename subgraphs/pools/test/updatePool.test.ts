import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { CLOSE_POOL, OPEN_POOL, POOL, UPDATE_POOL, createPool, type PoolData } from './helpers.ts';

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

describe('updatePool', () => {
  let pool: PoolData;
  beforeAll(async () => {
    pool = await createPool(stack, manager, {
      targetAmount: '1000',
      minContribution: '10',
      maxInvestors: 5,
    });
  });

  const update = (input: Record<string, unknown>, user = manager, id = pool.id) =>
    graphql<{ updatePool: PoolData }>(
      stack.gatewayUrl,
      UPDATE_POOL,
      { id, input },
      { token: user.token },
    );

  it('changes only the given fields and clears a field set to null', async () => {
    const data = expectData(
      await update({ name: 'Renamed', maxInvestors: null, description: 'New text' }),
    );
    expect(data.updatePool).toMatchObject({
      name: 'Renamed',
      description: 'New text',
      maxInvestors: null,
      targetAmount: { amount: '1000.00' },
      minContribution: { amount: '10.00' },
    });
  });

  it('changes the currency of a DRAFT pool and re-reads its amounts in the new currency', async () => {
    const data = expectData(await update({ currency: 'JPY' }));
    expect(data.updatePool.targetAmount).toEqual({ amount: '1000', currency: 'JPY' });
    expect(expectData(await update({ currency: 'USD' })).updatePool.currency).toBe('USD');
  });

  it.each([
    ['a cleared name', { name: null }, 'input.name'],
    ['too many decimals', { targetAmount: '1.001' }, 'input.targetAmount'],
    ['an unknown currency', { currency: 'ABC' }, 'input.currency'],
    ['maxInvestors 0', { maxInvestors: 0 }, 'input.maxInvestors'],
    ['a minimum above the target', { minContribution: '5000' }, 'input.minContribution'],
  ])('rejects %s with BAD_USER_INPUT and changes nothing', async (_case, input, field) => {
    const before = expectData(
      await graphql<{ pool: PoolData }>(
        stack.gatewayUrl,
        POOL,
        { id: pool.id },
        { token: manager.token },
      ),
    ).pool;
    const response = await update(input);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain(field);
    const after = expectData(
      await graphql<{ pool: PoolData }>(
        stack.gatewayUrl,
        POOL,
        { id: pool.id },
        { token: manager.token },
      ),
    ).pool;
    expect(after).toEqual(before);
  });

  it('is FORBIDDEN to another manager and to an investor', async () => {
    expect(errorCodes(await update({ name: 'Hijack' }, otherManager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await update({ name: 'Hijack' }, investor))).toEqual(['FORBIDDEN']);
  });

  it('is NOT_FOUND for an unknown or malformed id', async () => {
    const unknown = '01890000-0000-7000-8000-000000000000';
    expect(errorCodes(await update({ name: 'X' }, manager, unknown))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await update({ name: 'X' }, manager, 'not-an-id'))).toEqual(['NOT_FOUND']);
  });

  it('refuses to edit a CLOSED pool', async () => {
    const closed = await createPool(stack, manager);
    for (const op of [OPEN_POOL, CLOSE_POOL]) {
      expectData(await graphql(stack.gatewayUrl, op, { id: closed.id }, { token: manager.token }));
    }
    expect(errorCodes(await update({ name: 'Late' }, manager, closed.id))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
