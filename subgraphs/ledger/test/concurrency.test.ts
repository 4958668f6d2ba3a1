import { describe, expect, it } from 'vitest';
import {
  CHARGE_FEE,
  CONTRIBUTE,
  contribute,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  POOL_MONEY,
  useLedgerStack,
  WITHDRAW,
  writtenRows,
  type TestTransaction,
} from './helpers.ts';

const ls = useLedgerStack();

async function cashOf(poolId: string, token: Parameters<typeof ls.gql>[2]) {
  return expectData(
    await ls.gql<{ pool: { cashBalance: { amount: string } } }>(POOL_MONEY, { id: poolId }, token),
  ).pool.cashBalance.amount;
}

async function transactionsOfPool(poolId: string): Promise<number> {
  const [rows] = await ls.ledger.pool.query(
    'SELECT COUNT(*) AS n FROM transactions WHERE pool_id = ?',
    [poolId],
  );
  return Number((rows as Array<{ n: unknown }>)[0]?.n);
}

describe('under concurrency', () => {
  it('posts the first contributions of 20 new pools at once, all of them', async () => {
    // One manager runs the 20 pools: the race is between their first contributions, and 20
    // more sign-ups (an argon2 hash each) only starved a busy machine past the timeout.
    const manager = await ls.stack.signUp('MANAGER');
    const pools = await Promise.all(
      Array.from({ length: 20 }, () =>
        openPoolWithMembers(ls, 1, 'USD', 'OPEN', '1000000', manager),
      ),
    );
    const responses = await Promise.all(
      pools.map((pool) =>
        ls.gql(
          CONTRIBUTE,
          { poolId: pool.id, amount: '5.00', key: key('first') },
          pool.members[0]!,
        ),
      ),
    );
    expect(responses.flatMap(errorCodes)).toEqual([]);
  });

  it('lets exactly the affordable ones of 200 concurrent fee charges succeed; cash never goes negative', async () => {
    const pool = await openPoolWithMembers(ls, 2);
    await contribute(ls, pool.id, pool.members[0]!, '60.00');
    await contribute(ls, pool.id, pool.members[1]!, '40.00');
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        ls.gql(CHARGE_FEE, { poolId: pool.id, amount: '1.00', key: key('fee') }, pool.manager),
      ),
    );
    const succeeded = responses.filter((r) => !r.errors);
    const refused = responses.filter((r) => r.errors);
    expect(succeeded).toHaveLength(100);
    expect(refused.map(errorCodes).flat()).toEqual(Array(100).fill('INSUFFICIENT_FUNDS'));
    expect(await cashOf(pool.id, pool.manager)).toBe('0.00');
    expect(await transactionsOfPool(pool.id)).toBe(102);
  });

  it("lets 200 concurrent withdrawals take exactly the member's capital and no more", async () => {
    const pool = await openPoolWithMembers(ls, 2);
    await contribute(ls, pool.id, pool.members[0]!, '30.00');
    await contribute(ls, pool.id, pool.members[1]!, '500.00');
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        ls.gql(WITHDRAW, { poolId: pool.id, amount: '0.25', key: key('w') }, pool.members[0]),
      ),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(120);
    expect(responses.filter((r) => errorCodes(r)[0] === 'INSUFFICIENT_FUNDS')).toHaveLength(80);
    expect(await cashOf(pool.id, pool.manager)).toBe('500.00');
  });

  it('lets fees and withdrawals racing for the same cash spend exactly what there is', async () => {
    const pool = await openPoolWithMembers(ls, 2);
    await contribute(ls, pool.id, pool.members[0]!, '50.00');
    await contribute(ls, pool.id, pool.members[1]!, '50.00');
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        n % 2 === 0
          ? ls.gql(CHARGE_FEE, { poolId: pool.id, amount: '1.00', key: key('fee') }, pool.manager)
          : ls.gql(
              WITHDRAW,
              { poolId: pool.id, amount: '1.00', key: key('w') },
              pool.members[n % 4 === 1 ? 0 : 1],
            ),
      ),
    );
    const spent = responses.filter((r) => !r.errors).length;
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(100);
    expect(
      responses.filter((r) => r.errors).every((r) => errorCodes(r)[0] === 'INSUFFICIENT_FUNDS'),
    ).toBe(true);
    const cash = await cashOf(pool.id, pool.manager);
    expect(Number(cash)).toBe(100 - spent);
    expect(Number(cash)).toBeGreaterThanOrEqual(0);
  });
});

describe('idempotency', () => {
  it('creates exactly one transaction for 50 concurrent replays of one key, and answers all with it', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const idempotencyKey = key('replay');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        ls.gql<{ contribute: TestTransaction }>(
          CONTRIBUTE,
          { poolId: pool.id, amount: '10.00', key: idempotencyKey },
          pool.members[0],
        ),
      ),
    );
    const ids = new Set(responses.map((r) => expectData(r).contribute.id));
    expect(ids.size).toBe(1);
    expect(await transactionsOfPool(pool.id)).toBe(1);
    expect(await cashOf(pool.id, pool.manager)).toBe('10.00');
  });

  it('answers a replay with the original even after the pool closed, and "10.5" replays "10.50"', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const idempotencyKey = key('late');
    const original = expectData(
      await ls.gql<{ contribute: TestTransaction }>(
        CONTRIBUTE,
        { poolId: pool.id, amount: '10.50', key: idempotencyKey },
        pool.members[0],
      ),
    ).contribute;
    expectData(
      await ls.gql(
        'mutation($id: ID!) { closePool(id: $id) { id } }',
        { id: pool.id },
        pool.manager,
      ),
    );
    const replay = expectData(
      await ls.gql<{ contribute: TestTransaction }>(
        CONTRIBUTE,
        { poolId: pool.id, amount: '10.5', key: idempotencyKey },
        pool.members[0],
      ),
    ).contribute;
    expect(replay).toEqual(original);
  });

  it('answers a replayed withdrawal with the original although the capital is gone now', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    await contribute(ls, pool.id, pool.members[0]!, '10.00');
    const vars = { poolId: pool.id, amount: '10.00', key: key('w') };
    const original = expectData(
      await ls.gql<{ withdraw: TestTransaction }>(WITHDRAW, vars, pool.members[0]),
    );
    const replay = expectData(
      await ls.gql<{ withdraw: TestTransaction }>(WITHDRAW, vars, pool.members[0]),
    );
    expect(replay.withdraw.id).toBe(original.withdraw.id);
    const fresh = await ls.gql(WITHDRAW, { ...vars, key: key('w') }, pool.members[0]);
    expect(errorCodes(fresh)).toEqual(['INSUFFICIENT_FUNDS']);
  });

  it('refuses the same key with a different payload with IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const idempotencyKey = key('reuse');
    expectData(
      await ls.gql(
        CONTRIBUTE,
        { poolId: pool.id, amount: '10.00', key: idempotencyKey },
        pool.members[0],
      ),
    );
    const before = await writtenRows(ls);
    const other = await ls.gql(
      CONTRIBUTE,
      { poolId: pool.id, amount: '11.00', key: idempotencyKey },
      pool.members[0],
    );
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const otherOperation = await ls.gql(
      WITHDRAW,
      { poolId: pool.id, amount: '10.00', key: idempotencyKey },
      pool.members[0],
    );
    expect(errorCodes(otherOperation)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await writtenRows(ls)).toEqual(before);
  });

  it('scopes keys to the caller: two investors may use the same key', async () => {
    const pool = await openPoolWithMembers(ls, 2);
    const shared = key('shared');
    for (const member of pool.members) {
      expectData(
        await ls.gql(CONTRIBUTE, { poolId: pool.id, amount: '1.00', key: shared }, member),
      );
    }
    expect(await transactionsOfPool(pool.id)).toBe(2);
  });
});
