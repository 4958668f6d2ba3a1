import { beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@poolgraph/test-stack';
import {
  CHARGE_FEE,
  contribute,
  DISTRIBUTE,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  POOL_MONEY,
  POSITION,
  RECORD,
  useLedgerStack,
  WITHDRAW,
  type TestTransaction,
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

describe('contribute', () => {
  it("moves a member's money into an OPEN pool: cash, totals and position follow", async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const investor = pool.members[0]!;
    const posted = await contribute(ls, pool.id, investor, '1250.50');
    expect(posted).toMatchObject({
      type: 'CONTRIBUTION',
      status: 'POSTED',
      amount: { amount: '1250.50', currency: 'USD' },
      investor: { id: investor.userId },
      pool: { id: pool.id },
    });
    await contribute(ls, pool.id, investor, '9.5');
    const money = expectData(
      await ls.gql<{ pool: Record<string, { amount: string }> }>(
        POOL_MONEY,
        { id: pool.id },
        investor,
      ),
    );
    expect(money.pool.cashBalance).toEqual({ amount: '1260.00', currency: 'USD' });
    expect(money.pool.totalContributed!.amount).toBe('1260.00');
    expect(await position(pool.id, investor.userId)).toEqual({
      contributed: '1260.00',
      distributed: '0.00',
      fees: '0.00',
      withdrawn: '0.00',
      capital: '1260.00',
    });
  });

  it('refuses a CLOSED pool with CONFLICT and writes nothing', async () => {
    const pool = await openPoolWithMembers(ls, 1, 'USD', 'CLOSED');
    const response = await ls.gql(
      `mutation($poolId: ID!) { contribute(poolId: $poolId, amount: "10", idempotencyKey: "closed") { id } }`,
      { poolId: pool.id },
      pool.members[0],
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(await position(pool.id, pool.members[0]!.userId)).toEqual({});
  });

  it('answers NOT_FOUND for a pool that does not exist or is not a UUID', async () => {
    const investor = await ls.stack.signUp('INVESTOR');
    for (const poolId of ['01900000-0000-7000-8000-000000000000', 'nope']) {
      const response = await ls.gql(
        `mutation($poolId: ID!) { contribute(poolId: $poolId, amount: "10", idempotencyKey: "${key()}") { id } }`,
        { poolId },
        investor,
      );
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
  });
});

describe('recordContribution', () => {
  it('records money received outside the platform at the time it happened, also in a CLOSED pool', async () => {
    const pool = await openPoolWithMembers(ls, 1, 'EUR', 'CLOSED');
    const investor = pool.members[0]!;
    const occurredAt = '2025-03-01T09:30:00.000Z';
    const data = expectData(
      await ls.gql<{ recordContribution: TestTransaction }>(
        RECORD,
        { poolId: pool.id, investorId: investor.userId, amount: '500', occurredAt, key: key() },
        pool.manager,
      ),
    );
    expect(data.recordContribution).toMatchObject({
      type: 'CONTRIBUTION',
      occurredAt,
      amount: { amount: '500.00', currency: 'EUR' },
      investor: { id: investor.userId },
    });
    expect((await position(pool.id, investor.userId)).contributed).toBe('500.00');
  });

  it('refuses a date in the future and an investor who is not a member, writing nothing', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const stranger = await ls.stack.signUp('INVESTOR');
    const future = await ls.gql(
      RECORD,
      {
        poolId: pool.id,
        investorId: pool.members[0]!.userId,
        amount: '5',
        occurredAt: '2999-01-01T00:00:00Z',
        key: key(),
      },
      pool.manager,
    );
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const notMember = await ls.gql(
      RECORD,
      { poolId: pool.id, investorId: stranger.userId, amount: '5', key: key() },
      pool.manager,
    );
    expect(errorCodes(notMember)).toEqual(['BAD_USER_INPUT']);
    expect(notMember.errors?.[0]?.message).toMatch(/investorId/);
    expect(await position(pool.id, pool.members[0]!.userId)).toEqual({});
  });
});

describe('distribute', () => {
  it('splits 100.00 among three equal members as 33.34 / 33.33 / 33.33, the extra cent to the lowest investor id', async () => {
    const pool = await openPoolWithMembers(ls, 3);
    for (const member of pool.members) await contribute(ls, pool.id, member, '200.00');
    const data = expectData(
      await ls.gql<{ distribute: TestTransaction[] }>(
        DISTRIBUTE,
        { poolId: pool.id, amount: '100.00', key: key() },
        pool.manager,
      ),
    );
    const byInvestor = Object.fromEntries(
      data.distribute.map((t) => [t.investor!.id, t.amount.amount]),
    );
    const [lowest, ...others] = pool.members.map((m) => m.userId).sort();
    expect(byInvestor).toEqual({
      [lowest!]: '33.34',
      [others[0]!]: '33.33',
      [others[1]!]: '33.33',
    });
    expect(data.distribute.every((t) => t.type === 'DISTRIBUTION')).toBe(true);
    const money = expectData(
      await ls.gql<{ pool: Record<string, { amount: string }> }>(
        POOL_MONEY,
        { id: pool.id },
        pool.manager,
      ),
    );
    expect(money.pool.cashBalance!.amount).toBe('500.00');
    expect(money.pool.totalDistributed!.amount).toBe('100.00');
  });

  it('pays pro rata to contributed capital and refuses more than the cash with INSUFFICIENT_FUNDS', async () => {
    const pool = await openPoolWithMembers(ls, 2, 'JPY');
    await contribute(ls, pool.id, pool.members[0]!, '1000');
    await contribute(ls, pool.id, pool.members[1]!, '3000');
    const data = expectData(
      await ls.gql<{ distribute: TestTransaction[] }>(
        DISTRIBUTE,
        { poolId: pool.id, amount: '401', key: key() },
        pool.manager,
      ),
    );
    const paid = Object.fromEntries(data.distribute.map((t) => [t.investor!.id, t.amount.amount]));
    // 401 × 1/4 = 100.25 and 401 × 3/4 = 300.75: the leftover yen goes to the larger remainder.
    expect(paid).toEqual({ [pool.members[0]!.userId]: '100', [pool.members[1]!.userId]: '301' });
    const tooMuch = await ls.gql(
      DISTRIBUTE,
      { poolId: pool.id, amount: '3600', key: key() },
      pool.manager,
    );
    expect(errorCodes(tooMuch)).toEqual(['INSUFFICIENT_FUNDS']);
  });
});

describe('chargeFee', () => {
  it("takes the fee from the pool's cash, borne by members pro rata", async () => {
    const pool = await openPoolWithMembers(ls, 2);
    await contribute(ls, pool.id, pool.members[0]!, '300.00');
    await contribute(ls, pool.id, pool.members[1]!, '100.00');
    const data = expectData(
      await ls.gql<{ chargeFee: TestTransaction }>(
        CHARGE_FEE,
        { poolId: pool.id, amount: '10.00', key: key() },
        pool.manager,
      ),
    );
    expect(data.chargeFee).toMatchObject({
      type: 'FEE',
      investor: null,
      amount: { amount: '10.00' },
    });
    expect(await position(pool.id, pool.members[0]!.userId)).toMatchObject({
      fees: '7.50',
      capital: '292.50',
    });
    expect(await position(pool.id, pool.members[1]!.userId)).toMatchObject({
      fees: '2.50',
      capital: '97.50',
    });
    const money = expectData(
      await ls.gql<{ pool: Record<string, { amount: string }> }>(
        POOL_MONEY,
        { id: pool.id },
        pool.manager,
      ),
    );
    expect(money.pool.cashBalance!.amount).toBe('390.00');
    expect(money.pool.totalFees!.amount).toBe('10.00');
  });
});

describe('withdraw', () => {
  it('returns capital to a member of an OPEN pool, never more than their capital', async () => {
    const pool = await openPoolWithMembers(ls, 2);
    await contribute(ls, pool.id, pool.members[0]!, '100.00');
    await contribute(ls, pool.id, pool.members[1]!, '900.00');
    const ok = expectData(
      await ls.gql<{ withdraw: TestTransaction }>(
        WITHDRAW,
        { poolId: pool.id, amount: '60', key: key() },
        pool.members[0],
      ),
    );
    expect(ok.withdraw).toMatchObject({ type: 'WITHDRAWAL', amount: { amount: '60.00' } });
    const more = await ls.gql(
      WITHDRAW,
      { poolId: pool.id, amount: '40.01', key: key() },
      pool.members[0],
    );
    expect(errorCodes(more)).toEqual(['INSUFFICIENT_FUNDS']);
    expect(await position(pool.id, pool.members[0]!.userId)).toMatchObject({
      withdrawn: '60.00',
      capital: '40.00',
    });
  });
});
