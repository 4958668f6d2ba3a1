import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import {
  ARCHIVE_POOL,
  CLOSE_POOL,
  CREATE_POOL,
  OPEN_POOL,
  POOL,
  countRows,
  createPool,
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

describe('createPool', () => {
  it('creates a DRAFT pool managed by the caller with exact amounts', async () => {
    const pool = await createPool(stack, manager, {
      name: '  Climate Seed I ',
      description: 'Early-stage climate tech',
      currency: 'eur',
      targetAmount: '1000000.50',
      minContribution: '2500',
      maxInvestors: 20,
    });
    expect(pool).toMatchObject({
      name: 'Climate Seed I',
      description: 'Early-stage climate tech',
      currency: 'EUR',
      status: 'DRAFT',
      maxInvestors: 20,
      memberCount: 0,
      manager: { id: manager.userId },
      targetAmount: { amount: '1000000.50', currency: 'EUR' },
      minContribution: { amount: '2500.00', currency: 'EUR' },
    });
  });

  it('uses the currency exponent: JPY whole numbers and KWD three decimals', async () => {
    const yen = await createPool(stack, manager, { currency: 'JPY', targetAmount: '5000000' });
    expect(yen.targetAmount).toEqual({ amount: '5000000', currency: 'JPY' });
    const dinar = await createPool(stack, manager, { currency: 'KWD', minContribution: '0.125' });
    expect(dinar.minContribution).toEqual({ amount: '0.125', currency: 'KWD' });
  });

  it.each([
    ['an unknown currency', { currency: 'XYZ' }, 'input.currency'],
    ['more decimals than USD has', { targetAmount: '10.001' }, 'input.targetAmount'],
    ['decimals in JPY', { currency: 'JPY', minContribution: '100.5' }, 'input.minContribution'],
    ['a negative target', { targetAmount: '-5' }, 'input.targetAmount'],
    ['a zero minimum', { minContribution: '0' }, 'input.minContribution'],
    ['a non-numeric target', { targetAmount: '1e6' }, 'input.targetAmount'],
    ['maxInvestors 0', { maxInvestors: 0 }, 'input.maxInvestors'],
    ['an empty name', { name: '   ' }, 'input.name'],
    [
      'a minimum above the target',
      { targetAmount: '100', minContribution: '100.01' },
      'input.minContribution',
    ],
  ])(
    'rejects %s with BAD_USER_INPUT naming the field and writes nothing',
    async (_case, input, field) => {
      const before = await countRows(stack, 'pools');
      const response = await graphql(
        stack.gatewayUrl,
        CREATE_POOL,
        { input: { name: 'Bad', currency: 'USD', ...input } },
        { token: manager.token },
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain(field);
      expect(await countRows(stack, 'pools')).toBe(before);
    },
  );

  it('is FORBIDDEN to an investor and UNAUTHENTICATED without a token', async () => {
    const input = { name: 'Nope', currency: 'USD' };
    const asInvestor = await graphql(
      stack.gatewayUrl,
      CREATE_POOL,
      { input },
      { token: investor.token },
    );
    expect(errorCodes(asInvestor)).toEqual(['FORBIDDEN']);
    const anonymous = await graphql(stack.gatewayUrl, CREATE_POOL, { input });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('pool lifecycle', () => {
  const run = (op: string, id: string, user = manager) =>
    graphql<Record<string, { status: string }>>(
      stack.gatewayUrl,
      op,
      { id },
      { token: user.token },
    );

  it('moves DRAFT → OPEN → CLOSED → ARCHIVED', async () => {
    const pool = await createPool(stack, manager);
    expect(expectData(await run(OPEN_POOL, pool.id)).openPool?.status).toBe('OPEN');
    expect(expectData(await run(CLOSE_POOL, pool.id)).closePool?.status).toBe('CLOSED');
    expect(expectData(await run(ARCHIVE_POOL, pool.id)).archivePool?.status).toBe('ARCHIVED');
  });

  it('rejects every illegal transition with BAD_USER_INPUT, never a silent no-op', async () => {
    const pool = await createPool(stack, manager);
    expect(errorCodes(await run(CLOSE_POOL, pool.id))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await run(ARCHIVE_POOL, pool.id))).toEqual(['BAD_USER_INPUT']);
    await run(OPEN_POOL, pool.id);
    const again = await run(OPEN_POOL, pool.id);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors?.[0]?.message).toContain('the pool is OPEN');
    expect(errorCodes(await run(ARCHIVE_POOL, pool.id))).toEqual(['BAD_USER_INPUT']);
    const state = expectData(
      await graphql<{ pool: PoolData }>(
        stack.gatewayUrl,
        POOL,
        { id: pool.id },
        { token: manager.token },
      ),
    );
    expect(state.pool.status).toBe('OPEN');
  });

  it("is FORBIDDEN for a manager to open another manager's pool", async () => {
    const pool = await createPool(stack, manager);
    expect(errorCodes(await run(OPEN_POOL, pool.id, otherManager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run(OPEN_POOL, pool.id, investor))).toEqual(['FORBIDDEN']);
  });

  it("is FORBIDDEN to close or archive another manager's pool, which stays as it was", async () => {
    const pool = await createPool(stack, manager);
    await run(OPEN_POOL, pool.id);
    expect(errorCodes(await run(CLOSE_POOL, pool.id, otherManager))).toEqual(['FORBIDDEN']);
    await run(CLOSE_POOL, pool.id);
    expect(errorCodes(await run(ARCHIVE_POOL, pool.id, otherManager))).toEqual(['FORBIDDEN']);
    const state = await graphql<{ pool: PoolData }>(
      stack.gatewayUrl,
      POOL,
      { id: pool.id },
      { token: manager.token },
    );
    expect(expectData(state).pool.status).toBe('CLOSED');
  });

  it('is NOT_FOUND for a malformed or unknown pool id', async () => {
    expect(errorCodes(await run(OPEN_POOL, 'x'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await run(CLOSE_POOL, '01890000-0000-7000-8000-000000000000'))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
