import { describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import {
  contribute,
  expectData,
  key,
  openPoolWithMembers,
  useLedgerStack,
  WITHDRAW,
} from './helpers.ts';

const ls = useLedgerStack();

const CALL = `mutation($p: ID!, $percent: Float!, $due: DateTime!) {
  callCapital(poolId: $p, percent: $percent, dueDate: $due) { id } }`;
const ITEMS = `query($p: ID!) { pool(id: $p) { capitalCalls {
  items { called { amount } paid { amount } outstanding { amount } } } } }`;

async function call(poolId: string, percent: number, manager: TestUser) {
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
  expectData(await ls.gql(CALL, { p: poolId, percent, due }, manager));
}

/** Each call's single item (one member), oldest call first, as the member reads them. */
async function items(poolId: string, member: TestUser) {
  const data = expectData(
    await ls.gql<{
      pool: { capitalCalls: Array<{ items: Array<Record<string, { amount: string }>> }> };
    }>(ITEMS, { p: poolId }, member),
  );
  return data.pool.capitalCalls.map((c) => ({
    paid: c.items[0]!.paid!.amount,
    outstanding: c.items[0]!.outstanding!.amount,
  }));
}

const withdraw = async (poolId: string, amount: string, member: TestUser) =>
  expectData(await ls.gql(WITHDRAW, { poolId, amount, key: key('w') }, member));

describe('capital calls and withdrawals, through the gateway', () => {
  it('makes a paid call outstanding again when the money is withdrawn, and farms no credit from round trips', async () => {
    // One member committed 1,000,000.00; a 0.5 % call asks 5,000.00.
    const pool = await openPoolWithMembers(ls, 1);
    const member = pool.members[0]!;
    await call(pool.id, 0.5, pool.manager);
    await contribute(ls, pool.id, member, '5000.00');
    await eventually(async () =>
      expect(await items(pool.id, member)).toEqual([{ paid: '5000.00', outstanding: '0.00' }]),
    );
    await withdraw(pool.id, '5000.00', member);
    await eventually(async () =>
      expect(await items(pool.id, member)).toEqual([{ paid: '0.00', outstanding: '5000.00' }]),
    );
    for (let round = 0; round < 3; round++) {
      await contribute(ls, pool.id, member, '5000.00');
      await withdraw(pool.id, '5000.00', member);
    }
    await call(pool.id, 0.5, pool.manager);
    await eventually(async () =>
      expect(await items(pool.id, member)).toEqual([
        { paid: '0.00', outstanding: '5000.00' },
        { paid: '0.00', outstanding: '5000.00' },
      ]),
    );
  });
});
