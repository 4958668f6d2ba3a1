import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import {
  CALL_CAPITAL,
  countRows,
  createOpenPool,
  createPool,
  inAMonth,
  join,
  type PoolData,
} from './helpers.ts';

interface CallData {
  id: string;
  percent: number;
  totalCalled: { amount: string; currency: string };
  items: Array<{
    investor: { id: string };
    called: { amount: string };
    paid: { amount: string };
    outstanding: { amount: string };
  }>;
}

let stack: PoolsHarness;
let manager: TestUser;
let otherManager: TestUser;
let investors: TestUser[];

beforeAll(async () => {
  stack = await startPoolsHarness();
  [manager, otherManager, ...investors] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
  ]);
  // Pro-rata extra units go by investor id order, which the assertions below rely on.
  investors.sort((a, b) => (a.userId < b.userId ? -1 : 1));
});
afterAll(() => stack?.stop());

const callCapital = (poolId: string, percent: number, dueDate = inAMonth(), user = manager) =>
  graphql<{ callCapital: CallData }>(
    stack.gatewayUrl,
    CALL_CAPITAL,
    { poolId, percent, dueDate },
    { token: user.token },
  );

async function poolWithMembers(
  commitments: string[],
  input: Record<string, unknown> = {},
): Promise<PoolData> {
  const pool = await createOpenPool(stack, manager, input);
  for (const [index, commitment] of commitments.entries()) {
    expectData(await join(stack, investors[index]!, pool.id, commitment));
  }
  return pool;
}

const calledAmounts = (call: CallData) => call.items.map((item) => item.called.amount);

describe('callCapital', () => {
  it('splits 33.33% of three equal commitments exactly, then calls the exact rest at 100%', async () => {
    const pool = await poolWithMembers(['100.00', '100.00', '100.00']);
    const first = expectData(await callCapital(pool.id, 33.33)).callCapital;
    expect(first.percent).toBe(33.33);
    expect(first.totalCalled).toEqual({ amount: '99.99', currency: 'USD' });
    expect(calledAmounts(first)).toEqual(['33.33', '33.33', '33.33']);
    expect(first.items.map((i) => i.investor.id)).toEqual(
      investors.slice(0, 3).map((i) => i.userId),
    );
    const rest = expectData(await callCapital(pool.id, 66.67)).callCapital;
    expect(calledAmounts(rest)).toEqual(['66.67', '66.67', '66.67']);
    expect(rest.totalCalled.amount).toBe('200.01');
  });

  it('calls 100% of three commitments of 100.00 as exactly 100.00 each', async () => {
    const pool = await poolWithMembers(['100.00', '100.00', '100.00']);
    const call = expectData(await callCapital(pool.id, 100)).callCapital;
    expect(calledAmounts(call)).toEqual(['100.00', '100.00', '100.00']);
    expect(
      call.items.every((i) => i.outstanding.amount === '100.00' && i.paid.amount === '0.00'),
    ).toBe(true);
  });

  it('gives the odd cents of a split to the lowest investor ids and sums to the rounded total', async () => {
    const pool = await poolWithMembers(['100.00', '100.00', '100.00']);
    const call = expectData(await callCapital(pool.id, 33.335)).callCapital;
    expect(call.totalCalled.amount).toBe('100.01');
    expect(calledAmounts(call)).toEqual(['33.34', '33.34', '33.33']);
  });

  it('splits unequal commitments in proportion, in yen without decimals', async () => {
    const pool = await poolWithMembers(['1000', '2000', '7001'], { currency: 'JPY' });
    const call = expectData(await callCapital(pool.id, 10)).callCapital;
    expect(calledAmounts(call)).toEqual(['100', '200', '700']);
    expect(call.totalCalled).toEqual({ amount: '1000', currency: 'JPY' });
  });

  it.each([
    ['zero', 0, 'percent'],
    ['above 100', 100.5, 'percent'],
    ['negative', -5, 'percent'],
    ['five decimals', 33.33333, 'percent'],
  ])(
    'rejects a percent %s with BAD_USER_INPUT and writes nothing',
    async (_case, percent, field) => {
      const pool = await poolWithMembers(['100']);
      const before = await countRows(stack, 'capital_calls');
      const response = await callCapital(pool.id, percent);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain(field);
      expect(await countRows(stack, 'capital_calls')).toBe(before);
    },
  );

  it('rejects a due date in the past and calls beyond 100% in total', async () => {
    const pool = await poolWithMembers(['100']);
    const past = await callCapital(pool.id, 10, new Date(Date.now() - 60_000).toISOString());
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors?.[0]?.message).toContain('dueDate');
    expectData(await callCapital(pool.id, 60));
    const tooMuch = await callCapital(pool.id, 50);
    expect(errorCodes(tooMuch)).toEqual(['BAD_USER_INPUT']);
    expect(tooMuch.errors?.[0]?.message).toContain('only 40.0000% of commitments remain uncalled');
  });

  it('refuses a DRAFT pool and a pool without members', async () => {
    const draft = await createPool(stack, manager);
    expect(errorCodes(await callCapital(draft.id, 10))).toEqual(['BAD_USER_INPUT']);
    const empty = await createOpenPool(stack, manager);
    const response = await callCapital(empty.id, 10);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain('no members');
  });

  it('is FORBIDDEN to another manager and to investors', async () => {
    const pool = await poolWithMembers(['100']);
    expect(errorCodes(await callCapital(pool.id, 10, inAMonth(), otherManager))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await callCapital(pool.id, 10, inAMonth(), investors[0]))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('Pool.capitalCalls visibility', () => {
  const CALLS = `query C($id: ID!) { pool(id: $id) { capitalCalls { totalCalled { amount } items { investor { id } called { amount } } } } }`;
  const calls = async (user: TestUser, poolId: string) =>
    expectData(
      await graphql<{ pool: { capitalCalls: CallData[] } }>(
        stack.gatewayUrl,
        CALLS,
        { id: poolId },
        { token: user.token },
      ),
    ).pool.capitalCalls;

  it('shows the manager every item, a member only their own, a non-member no calls', async () => {
    const pool = await poolWithMembers(['100', '300']);
    expectData(await callCapital(pool.id, 50));
    expect((await calls(manager, pool.id))[0]?.items).toHaveLength(2);
    const own = await calls(investors[1]!, pool.id);
    expect(own[0]?.items).toEqual([
      { investor: { id: investors[1]!.userId }, called: { amount: '150.00' } },
    ]);
    expect(own[0]?.totalCalled.amount).toBe('200.00');
    expect(await calls(investors[3]!, pool.id)).toEqual([]);
  });
});
