import { beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@poolgraph/test-stack';
import { eventually } from '@poolgraph/testing';
import { uuidv7 } from '@poolgraph/platform';
import {
  contribute,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  RECORD,
  useLedgerStack,
  WITHDRAW,
  writtenRows,
} from './helpers.ts';

const ls = useLedgerStack();
let admin: TestUser;
beforeAll(async () => {
  admin = await ls.stack.admin();
});

const RECORD_PROCEEDS = `mutation RecordProceeds($poolId: ID!, $amount: Decimal!, $note: String!, $key: String!) {
  recordProceeds(poolId: $poolId, amount: $amount, note: $note, idempotencyKey: $key) {
    id type status note carry amount { amount currency } investor { id } pool { id } } }`;
const DISTRIBUTE = `mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {
  distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {
    type status carry amount { amount } investor { id } } }`;
const POSITION = `query Position($poolId: ID!, $investorId: ID!) {
  position(poolId: $poolId, investorId: $investorId) {
    contributed { amount } proceeds { amount } distributed { amount } carryBorne { amount }
    capital { amount } } }`;
const POOL_MONEY = `query PoolMoney($id: ID!) { pool(id: $id) {
  cashBalance { amount } totalContributed { amount } totalProceeds { amount } totalDistributed { amount } } }`;
const PERFORMANCE = `query Performance($id: ID!) { poolPerformance(poolId: $id) {
  contributed { amount } proceeds { amount } distributed { amount } cash { amount } dpi } }`;

interface RecordedProceeds {
  recordProceeds: {
    id: string;
    type: string;
    status: string;
    note: string | null;
    carry: boolean;
    amount: { amount: string; currency: string };
    investor: { id: string } | null;
    pool: { id: string };
  };
}

const recordProceeds = (
  poolId: string,
  amount: string,
  user: TestUser,
  note = 'Exit of Acme Robotics',
  idempotencyKey = key('p'),
) => ls.gql<RecordedProceeds>(RECORD_PROCEEDS, { poolId, amount, note, key: idempotencyKey }, user);

async function positionOf(poolId: string, investorId: string) {
  const data = expectData(
    await ls.gql<{ position: Record<string, { amount: string }> }>(
      POSITION,
      { poolId, investorId },
      admin,
    ),
  );
  return Object.fromEntries(Object.entries(data.position).map(([k, v]) => [k, v.amount]));
}

/** A year and an hour ago: the preferred return counts 365 whole days. */
const aYearAgo = () => new Date(Date.now() - 365 * 86_400_000 - 3_600_000).toISOString();

/**
 * A pool with 20 % carry over an 8 % simple preferred return and a full catch-up, two members
 * whose money the manager recorded a year ago (A $600, B $400; A has the lower id), then CLOSED.
 */
async function closedPoolWithTerms() {
  const manager = await ls.stack.signUp('MANAGER');
  const poolId = expectData(
    await ls.gql<{ createPool: { id: string } }>(
      'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
      { input: { name: 'Exit pool', currency: 'USD' } },
      manager,
    ),
  ).createPool.id;
  expectData(
    await ls.gql(
      'mutation($poolId: ID!, $input: PoolTermsInput!) { setPoolTerms(poolId: $poolId, input: $input) { id } }',
      {
        poolId,
        input: {
          managementFeeBps: 0,
          feeBasis: 'COMMITMENTS',
          feeFrequency: 'ANNUAL',
          carryBps: 2000,
          hurdleBps: 800,
          hurdleCompounding: 'SIMPLE',
          catchUp: 'FULL',
        },
      },
      manager,
    ),
  );
  expectData(
    await ls.gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId }, manager),
  );
  const investors = await Promise.all([ls.stack.signUp('INVESTOR'), ls.stack.signUp('INVESTOR')]);
  investors.sort((x, y) => (x.userId < y.userId ? -1 : 1));
  const [a, b] = investors as [TestUser, TestUser];
  for (const [investor, amount] of [
    [a, '600'],
    [b, '400'],
  ] as const) {
    expectData(
      await ls.gql(
        'mutation($poolId: ID!, $c: Decimal!) { joinPool(poolId: $poolId, commitment: $c) { id } }',
        { poolId, c: '1000' },
        investor,
      ),
    );
    expectData(
      await ls.gql(
        RECORD,
        { poolId, investorId: investor.userId, amount, occurredAt: aYearAgo(), key: key('r') },
        manager,
      ),
    );
  }
  expectData(
    await ls.gql('mutation($id: ID!) { closePool(id: $id) { id } }', { id: poolId }, manager),
  );
  return { poolId, manager, a, b };
}

describe('recordProceeds', () => {
  it('brings an exit into a CLOSED pool, and distribute then pays every tier of the waterfall for real, the carry to the manager', async () => {
    const { poolId, manager, a, b } = await closedPoolWithTerms();
    const proceeds = expectData(await recordProceeds(poolId, '500', manager)).recordProceeds;
    expect(proceeds).toMatchObject({
      type: 'PROCEEDS',
      status: 'POSTED',
      note: 'Exit of Acme Robotics',
      carry: false,
      amount: { amount: '500.00', currency: 'USD' },
      investor: null,
      pool: { id: poolId },
    });
    // The note is kept with the transaction.
    const stored = expectData(
      await ls.gql<{ transaction: { note: string | null; type: string } }>(
        'query($id: ID!) { transaction(id: $id) { note type } }',
        { id: proceeds.id },
        manager,
      ),
    ).transaction;
    expect(stored).toEqual({ note: 'Exit of Acme Robotics', type: 'PROCEEDS' });
    // Credited to the members' capital accounts pro rata to their capital (60/40).
    expect(await positionOf(poolId, a.userId)).toEqual({
      contributed: '600.00',
      proceeds: '300.00',
      distributed: '0.00',
      carryBorne: '0.00',
      capital: '900.00',
    });
    expect(await positionOf(poolId, b.userId)).toMatchObject({
      proceeds: '200.00',
      capital: '600.00',
    });
    expect(
      expectData(await ls.gql<{ pool: unknown }>(POOL_MONEY, { id: poolId }, manager)).pool,
    ).toEqual({
      cashBalance: { amount: '1500.00' },
      totalContributed: { amount: '1000.00' },
      totalProceeds: { amount: '500.00' },
      totalDistributed: { amount: '0.00' },
    });

    // More than the capital paid in: capital back $600 / $400, 8 % for a year $48 / $32, the
    // catch-up $20, and the $400 left split 80/20: $192 / $128 to the members, $80 carry.
    const paid = expectData(
      await ls.gql<{ distribute: unknown[] }>(
        DISTRIBUTE,
        { poolId, amount: '1500', key: key('d') },
        manager,
      ),
    ).distribute;
    const posted = { type: 'DISTRIBUTION', status: 'POSTED' };
    expect(paid).toEqual([
      { ...posted, carry: false, amount: { amount: '840.00' }, investor: { id: a.userId } },
      { ...posted, carry: false, amount: { amount: '560.00' }, investor: { id: b.userId } },
      { ...posted, carry: true, amount: { amount: '100.00' }, investor: { id: manager.userId } },
    ]);
    // The members bore the carry, pro rata to capital ($60 / $40: what the catch-up and the
    // split took from their pre-carry shares); the manager's own capital is not moved by it.
    // Everything is distributed, so every capital account is zero, as is the cash.
    expect(await positionOf(poolId, manager.userId)).toEqual({
      contributed: '0.00',
      proceeds: '0.00',
      distributed: '0.00',
      carryBorne: '0.00',
      capital: '0.00',
    });
    expect(await positionOf(poolId, a.userId)).toEqual({
      contributed: '600.00',
      proceeds: '300.00',
      distributed: '840.00',
      carryBorne: '60.00',
      capital: '0.00',
    });
    expect(await positionOf(poolId, b.userId)).toEqual({
      contributed: '400.00',
      proceeds: '200.00',
      distributed: '560.00',
      carryBorne: '40.00',
      capital: '0.00',
    });
    expect(
      expectData(
        await ls.gql<{ pool: { cashBalance: { amount: string } } }>(
          POOL_MONEY,
          { id: poolId },
          manager,
        ),
      ).pool.cashBalance,
    ).toEqual({ amount: '0.00' });

    // The carry's history entry (as its event) says who bore it, as a fee's says who paid it.
    const history = expectData(
      await ls.gql<{
        ledgerHistory: {
          entries: Array<{
            poolId: string;
            investorId: string | null;
            type: string;
            amountMinor: string;
            allocations: Array<{ investorId: string; amountMinor: string }>;
          }>;
        };
      }>(
        `query { ledgerHistory(first: 1000) { entries { poolId investorId type amountMinor
          allocations { investorId amountMinor } } } }`,
        {},
        admin,
      ),
    ).ledgerHistory.entries.filter((e) => e.poolId === poolId && e.type === 'DISTRIBUTION');
    expect(history.map((e) => [e.investorId, e.amountMinor, e.allocations])).toEqual([
      [a.userId, '84000', []],
      [b.userId, '56000', []],
      [
        manager.userId,
        '10000',
        [
          { investorId: a.userId, amountMinor: '6000' },
          { investorId: b.userId, amountMinor: '4000' },
        ],
      ],
    ]);

    // Reports' statement agrees with the ledger: the carry A bore closes the account at zero.
    await eventually(async () => {
      const statement = expectData(
        await ls.gql<{ investorStatement: { lines: unknown[] } }>(
          `query($i: ID!) { investorStatement(investorId: $i) { lines { pool { id }
            contributions { amount } proceeds { amount } distributions { amount } carry { amount }
            closingBalance { amount } } } }`,
          { i: a.userId },
          a,
        ),
      ).investorStatement;
      expect(statement.lines).toEqual([
        {
          pool: { id: poolId },
          contributions: { amount: '600.00' },
          proceeds: { amount: '300.00' },
          distributions: { amount: '840.00' },
          carry: { amount: '60.00' },
          closingBalance: { amount: '0.00' },
        },
      ]);
    }, 15_000);

    // With nothing left, a member is removed like any other.
    expectData(
      await ls.gql(
        'mutation($p: ID!, $i: ID!) { removeMember(poolId: $p, investorId: $i) { id } }',
        { p: poolId, i: a.userId },
        manager,
      ),
    );

    // Reports took the new type: proceeds in the pool's performance, DPI above one.
    await eventually(async () => {
      const performance = expectData(
        await ls.gql<{ poolPerformance: unknown }>(PERFORMANCE, { id: poolId }, manager),
      ).poolPerformance;
      expect(performance).toEqual({
        contributed: { amount: '1000.00' },
        proceeds: { amount: '500.00' },
        distributed: { amount: '1500.00' },
        cash: { amount: '0.00' },
        dpi: '1.500000',
      });
    }, 15_000);
  });

  it('answers a replay with the original transaction and refuses the key with another note', async () => {
    const pool = await openPoolWithMembers(ls, 2);
    for (const member of pool.members) await contribute(ls, pool.id, member, '100');
    const idempotencyKey = key('replay');
    const first = expectData(
      await recordProceeds(pool.id, '10', pool.manager, 'Dividend', idempotencyKey),
    ).recordProceeds;
    const again = expectData(
      await recordProceeds(pool.id, '10.00', pool.manager, 'Dividend', idempotencyKey),
    ).recordProceeds;
    expect(again.id).toBe(first.id);
    expect(
      errorCodes(await recordProceeds(pool.id, '10', pool.manager, 'Other', idempotencyKey)),
    ).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    // 10.00 over two equal members: 5.00 each.
    expect(await positionOf(pool.id, pool.members[0]!.userId)).toMatchObject({
      proceeds: '5.00',
    });
  });

  it('lets a member withdraw their capital but not the proceeds credited to it', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const [member] = pool.members as [TestUser];
    await contribute(ls, pool.id, member, '100');
    expectData(await recordProceeds(pool.id, '50', pool.manager));
    const withdraw = (amount: string) =>
      ls.gql(WITHDRAW, { poolId: pool.id, amount, key: key('w') }, member);
    expect(errorCodes(await withdraw('100.01'))).toEqual(['INSUFFICIENT_FUNDS']);
    expectData(await withdraw('100'));
    expect(await positionOf(pool.id, member.userId)).toMatchObject({ capital: '50.00' });
  });

  it('is FORBIDDEN to members and other managers, NOT_FOUND for an unknown pool, and writes nothing', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const [member] = pool.members as [TestUser];
    await contribute(ls, pool.id, member, '100');
    const stranger = await ls.stack.signUp('MANAGER');
    const before = await writtenRows(ls);
    expect(errorCodes(await recordProceeds(pool.id, '10', member))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await recordProceeds(pool.id, '10', stranger))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await recordProceeds(uuidv7(), '10', pool.manager))).toEqual(['NOT_FOUND']);
    expect(await writtenRows(ls)).toEqual(before);
    // An admin may record them, as for every manager movement.
    expectData(await recordProceeds(pool.id, '10', admin));
  });

  it('refuses a bad amount or note with BAD_USER_INPUT naming the field, and a pool without capital with CONFLICT', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    const before = await writtenRows(ls);
    expect(errorCodes(await recordProceeds(pool.id, '10', pool.manager))).toEqual(['CONFLICT']);
    await contribute(ls, pool.id, pool.members[0]!, '100');
    const after = await writtenRows(ls);
    expect(after.transactions).toBe(before.transactions! + 1);
    for (const amount of ['-5', '0', '10.001', 'abc']) {
      const response = await recordProceeds(pool.id, amount, pool.manager);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.field).toBe('amount');
    }
    for (const note of ['', '   ', 'x'.repeat(501)]) {
      const response = await recordProceeds(pool.id, '10', pool.manager, note);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.field).toBe('note');
    }
    expect(await writtenRows(ls)).toEqual(after);
  });
});
