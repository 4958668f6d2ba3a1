import { beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@poolgraph/test-stack';
import {
  contribute,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  POSITION,
  RECORD,
  useLedgerStack,
} from './helpers.ts';

const ls = useLedgerStack();
let admin: TestUser;
beforeAll(async () => {
  admin = await ls.stack.admin();
});

/** A position's amounts as an admin reads them ({} when there is none). */
async function position(poolId: string, investorId: string) {
  const data = expectData(
    await ls.gql<{ position: Record<string, { amount: string }> | null }>(
      POSITION,
      { poolId, investorId },
      admin,
    ),
  );
  return Object.fromEntries(Object.entries(data.position ?? {}).map(([k, v]) => [k, v.amount]));
}

describe('bad input', () => {
  const BAD_USD = ['10.001', '-5', '0', 'abc', '1e3', '1000000000000000.01', ''];

  it.each(BAD_USD)(
    'rejects the USD amount "%s" with BAD_USER_INPUT naming amount, on every mutation, writing nothing',
    async (amount) => {
      const pool = await openPoolWithMembers(ls, 1);
      await contribute(ls, pool.id, pool.members[0]!, '50.00');
      const before = await ls.ledger.pool.query('SELECT COUNT(*) AS n FROM transactions');
      const calls = [
        ls.gql(
          `mutation($p: ID!, $a: Decimal!) { contribute(poolId: $p, amount: $a, idempotencyKey: "${key()}") { id } }`,
          { p: pool.id, a: amount },
          pool.members[0],
        ),
        ls.gql(
          `mutation($p: ID!, $a: Decimal!) { withdraw(poolId: $p, amount: $a, idempotencyKey: "${key()}") { id } }`,
          { p: pool.id, a: amount },
          pool.members[0],
        ),
        ls.gql(
          `mutation($p: ID!, $a: Decimal!) { chargeFee(poolId: $p, amount: $a, idempotencyKey: "${key()}") { id } }`,
          { p: pool.id, a: amount },
          pool.manager,
        ),
        ls.gql(
          `mutation($p: ID!, $a: Decimal!) { distribute(poolId: $p, amount: $a, idempotencyKey: "${key()}") { id } }`,
          { p: pool.id, a: amount },
          pool.manager,
        ),
        ls.gql(
          RECORD,
          { poolId: pool.id, investorId: pool.members[0]!.userId, amount, key: key() },
          pool.manager,
        ),
      ];
      for (const response of await Promise.all(calls)) {
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.message).toMatch(/^amount: /);
      }
      expect(await ls.ledger.pool.query('SELECT COUNT(*) AS n FROM transactions')).toEqual(before);
      expect(await position(pool.id, pool.members[0]!.userId)).toMatchObject({
        contributed: '50.00',
      });
    },
  );

  it('rejects a JPY amount with decimals', async () => {
    const pool = await openPoolWithMembers(ls, 1, 'JPY');
    const response = await ls.gql(
      `mutation($p: ID!) { contribute(poolId: $p, amount: "100.5", idempotencyKey: "${key()}") { id } }`,
      { p: pool.id },
      pool.members[0],
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/JPY/);
  });

  it('rejects an empty or overlong idempotency key', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    for (const k of ['', 'x'.repeat(201)]) {
      const response = await ls.gql(
        'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "1", idempotencyKey: $k) { id } }',
        { p: pool.id, k },
        pool.members[0],
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
