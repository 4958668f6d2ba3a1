import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/mysql2';
import { applyLedgerEvents, ledgerEventsStream, type LedgerEvent } from '@poolgraph/events';
import { createLogger, Redis, uuidv7 } from '@poolgraph/platform';
import { eventually, expectData, graphql, TEST_REDIS_URL } from '@poolgraph/testing';
import { settlementHandler } from '../src/events/ledgerEvents.ts';
import { schema as poolsSchema } from '../src/db/index.ts';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { CALL_CAPITAL, createOpenPool, inAMonth, join } from './helpers.ts';

let stack: PoolsHarness;
let manager: TestUser;
let investor: TestUser;
const log = createLogger('settlement-test', 'silent');

beforeAll(async () => {
  stack = await startPoolsHarness();
  [manager, investor] = await Promise.all([stack.signUp('MANAGER'), stack.signUp('INVESTOR')]);
});
afterAll(() => stack?.stop());

function posted(
  poolId: string,
  amountMinor: string,
  overrides: Partial<LedgerEvent['payload']> = {},
): LedgerEvent {
  return {
    id: uuidv7(),
    type: 'TransactionPosted',
    occurredAt: new Date().toISOString(),
    payload: {
      transactionId: uuidv7(),
      poolId,
      investorId: investor.userId,
      type: 'CONTRIBUTION',
      amountMinor,
      currency: 'USD',
      cashBalanceMinor: amountMinor,
      ...overrides,
    },
  };
}

/** One event through pools' handler, as the consumer applies it (claimed once, then settled). */
async function apply(event: LedgerEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  let settled = 0;
  const handler = settlementHandler(log);
  const outcome = await applyLedgerEvents(
    stack.poolsDb.db,
    { ...handler, committed: (count) => (settled = count) },
    [event],
  );
  if (outcome.duplicates) return 'duplicate';
  return outcome.applied && settled ? 'applied' : 'ignored';
}

async function call(poolId: string, percent: number, dueInDays: number) {
  const response = await graphql<{ callCapital: { id: string } }>(
    stack.gatewayUrl,
    CALL_CAPITAL,
    { poolId, percent, dueDate: inAMonth(dueInDays) },
    { token: manager.token },
  );
  return expectData(response).callCapital.id;
}

interface MemberView {
  called: { amount: string };
  paid: { amount: string };
  outstanding: { amount: string };
  pool: {
    capitalCalls: Array<{
      id: string;
      items: Array<{ paid: { amount: string }; outstanding: { amount: string } }>;
    }>;
  };
}

/** What the investor sees: totals on the membership and each call's own item. */
async function memberView(poolId: string): Promise<MemberView> {
  const response = await graphql<{ membership: MemberView }>(
    stack.gatewayUrl,
    `
      query M($poolId: ID!, $investorId: ID!) {
        membership(poolId: $poolId, investorId: $investorId) {
          called {
            amount
          }
          paid {
            amount
          }
          outstanding {
            amount
          }
          pool {
            capitalCalls {
              id
              items {
                paid {
                  amount
                }
                outstanding {
                  amount
                }
              }
            }
          }
        }
      }
    `,
    { poolId, investorId: investor.userId },
    { token: investor.token },
  );
  return expectData(response).membership;
}

const paidByCall = (view: MemberView) =>
  Object.fromEntries(view.pool.capitalCalls.map((c) => [c.id, c.items[0]?.paid.amount]));

async function memberPool(commitment = '1000.00') {
  const pool = await createOpenPool(stack, manager);
  expectData(await join(stack, investor, pool.id, commitment));
  return pool;
}

describe('settling capital calls from ledger contributions', () => {
  it('pays the earliest due call first, then the next, and keeps the excess as credit for the next call', async () => {
    const pool = await memberPool();
    const later = await call(pool.id, 40, 60);
    const sooner = await call(pool.id, 30, 10);
    expect(await apply(posted(pool.id, '35000'))).toBe('applied');
    expect(paidByCall(await memberView(pool.id))).toEqual({ [sooner]: '300.00', [later]: '50.00' });
    expect(await apply(posted(pool.id, '40000'))).toBe('applied');
    const view = await memberView(pool.id);
    expect(paidByCall(view)).toEqual({ [sooner]: '300.00', [later]: '400.00' });
    expect(view.outstanding.amount).toBe('0.00');
    // 50.00 was paid beyond the calls: it settles the next call at once.
    const last = await call(pool.id, 30, 90);
    const after = await memberView(pool.id);
    expect(paidByCall(after)[last]).toBe('50.00');
    expect(after).toMatchObject({
      called: { amount: '1000.00' },
      paid: { amount: '750.00' },
      outstanding: { amount: '250.00' },
    });
  });

  it('applies an event once, however often it is delivered', async () => {
    const pool = await memberPool();
    await call(pool.id, 50, 30);
    const event = posted(pool.id, '10000');
    const outcomes = await Promise.all([apply(event), apply(event), apply(event)]);
    expect(outcomes.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await apply(event)).toBe('duplicate');
    expect((await memberView(pool.id)).paid.amount).toBe('100.00');
  });

  it('ignores distributions, pool-level events and contributions of non-members', async () => {
    const pool = await memberPool();
    await call(pool.id, 10, 30);
    expect(await apply(posted(pool.id, '5000', { type: 'DISTRIBUTION' }))).toBe('ignored');
    expect(await apply(posted(pool.id, '5000', { type: 'FEE', investorId: null }))).toBe('ignored');
    expect(await apply(posted(pool.id, '5000', { investorId: manager.userId }))).toBe('ignored');
    expect((await memberView(pool.id)).paid.amount).toBe('0.00');
  });

  it('settles from the ledger.events stream through the consumer group', async () => {
    const pool = await memberPool();
    const callId = await call(pool.id, 20, 30);
    const redis = new Redis(TEST_REDIS_URL);
    const event = JSON.stringify(posted(pool.id, '12345'));
    try {
      // Delivered twice, as a relay retry would: paid once.
      await redis.xadd(ledgerEventsStream(stack.eventsPrefix), '*', 'event', event);
      await redis.xadd(ledgerEventsStream(stack.eventsPrefix), '*', 'event', event);
    } finally {
      redis.disconnect();
    }
    await eventually(
      async () => expect(paidByCall(await memberView(pool.id))[callId]).toBe('123.45'),
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await memberView(pool.id)).paid.amount).toBe('123.45');
  });
});

const withdrawal = (poolId: string, amountMinor: string) =>
  posted(poolId, amountMinor, { type: 'WITHDRAWAL' });

/** The investor's item of one call: what they paid and what they still owe. */
async function itemOf(poolId: string, callId: string) {
  const view = await memberView(poolId);
  const item = view.pool.capitalCalls.find((c) => c.id === callId)?.items[0];
  return { paid: item?.paid.amount, outstanding: item?.outstanding.amount };
}

describe('taking settlement back on ledger withdrawals', () => {
  it('makes a call paid in full outstanding again when the contribution is withdrawn', async () => {
    const pool = await memberPool('10000.00');
    const callId = await call(pool.id, 50, 30);
    expect(await apply(posted(pool.id, '500000'))).toBe('applied');
    expect(await itemOf(pool.id, callId)).toEqual({ paid: '5000.00', outstanding: '0.00' });

    expect(await apply(withdrawal(pool.id, '500000'))).toBe('applied');
    expect(await itemOf(pool.id, callId)).toEqual({ paid: '0.00', outstanding: '5000.00' });
    expect((await memberView(pool.id)).outstanding.amount).toBe('5000.00');
  });

  it('builds no credit from contribute-and-withdraw round trips: the next call stays unpaid', async () => {
    const pool = await memberPool('10000.00');
    const first = await call(pool.id, 50, 30);
    for (let round = 0; round < 3; round++) {
      expect(await apply(posted(pool.id, '500000'))).toBe('applied');
      expect(await apply(withdrawal(pool.id, '500000'))).toBe('applied');
    }
    const next = await call(pool.id, 50, 60);
    expect(await itemOf(pool.id, first)).toEqual({ paid: '0.00', outstanding: '5000.00' });
    expect(await itemOf(pool.id, next)).toEqual({ paid: '0.00', outstanding: '5000.00' });
  });

  it('takes a withdrawal from credit first, then from the paid call due last', async () => {
    const pool = await memberPool('10000.00');
    const sooner = await call(pool.id, 50, 30);
    // 7,000 against a 5,000 item: paid in full, 2,000 credit.
    await apply(posted(pool.id, '700000'));
    // 1,500 back: all from credit, the call stays paid.
    expect(await apply(withdrawal(pool.id, '150000'))).toBe('applied');
    expect(await itemOf(pool.id, sooner)).toEqual({ paid: '5000.00', outstanding: '0.00' });
    // The 500 of credit left settles part of the next call, due later.
    const later = await call(pool.id, 50, 60);
    expect((await itemOf(pool.id, later)).paid).toBe('500.00');
    // 1,000 back: no credit left, so the later call gives up its 500, the sooner one 500.
    await apply(withdrawal(pool.id, '100000'));
    expect(await itemOf(pool.id, later)).toEqual({ paid: '0.00', outstanding: '5000.00' });
    expect(await itemOf(pool.id, sooner)).toEqual({ paid: '4500.00', outstanding: '500.00' });
  });

  it('applies a withdrawal once, however often it is delivered', async () => {
    const pool = await memberPool('10000.00');
    const callId = await call(pool.id, 50, 30);
    await apply(posted(pool.id, '500000'));
    const event = withdrawal(pool.id, '200000');
    const outcomes = await Promise.all([apply(event), apply(event), apply(event)]);
    expect(outcomes.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await apply(event)).toBe('duplicate');
    expect(await itemOf(pool.id, callId)).toEqual({ paid: '3000.00', outstanding: '2000.00' });
  });

  it('zeroes what was paid when more is withdrawn, and carries no debt to later contributions', async () => {
    const pool = await memberPool('10000.00');
    const callId = await call(pool.id, 50, 30);
    await apply(posted(pool.id, '100000'));
    await apply(withdrawal(pool.id, '300000'));
    expect(await itemOf(pool.id, callId)).toEqual({ paid: '0.00', outstanding: '5000.00' });
    await apply(posted(pool.id, '50000'));
    expect((await itemOf(pool.id, callId)).paid).toBe('500.00');
  });

  it('keeps every amount exact when contributions, withdrawals and a call of one member run at once', async () => {
    const pool = await memberPool('10000.00');
    const first = await call(pool.id, 50, 30);
    // 10,000 in: the first call paid in full and 5,000 credit.
    await apply(posted(pool.id, '1000000'));
    const events = Array.from({ length: 10 }, () => [
      withdrawal(pool.id, '50000'),
      posted(pool.id, '10000'),
    ]).flat();
    const [outcomes, second] = await Promise.all([
      Promise.all(events.map(apply)),
      call(pool.id, 50, 60),
    ]);
    expect(outcomes.every((outcome) => outcome === 'applied')).toBe(true);
    // 11,000 in, 5,000 out, in whatever order: 6,000 stays on the calls, none as credit.
    const view = await memberView(pool.id);
    expect(view.paid.amount).toBe('6000.00');
    expect(view.outstanding.amount).toBe('4000.00');
    expect(paidByCall(view)[first]).toBe('5000.00');
    expect(paidByCall(view)[second]).toBe('1000.00');
  });

  it('takes withdrawals back from the ledger.events stream, in order with the contributions', async () => {
    const pool = await memberPool('10000.00');
    const first = await call(pool.id, 50, 30);
    const redis = new Redis(TEST_REDIS_URL);
    const stream = ledgerEventsStream(stack.eventsPrefix);
    try {
      for (let round = 0; round < 3; round++) {
        await redis.xadd(stream, '*', 'event', JSON.stringify(posted(pool.id, '500000')));
        await redis.xadd(stream, '*', 'event', JSON.stringify(withdrawal(pool.id, '500000')));
      }
      // The last event shows the consumer got through the round trips.
      await redis.xadd(stream, '*', 'event', JSON.stringify(posted(pool.id, '100')));
    } finally {
      redis.disconnect();
    }
    await eventually(
      async () =>
        expect(await itemOf(pool.id, first)).toEqual({ paid: '1.00', outstanding: '4999.00' }),
      10_000,
    );
    const next = await call(pool.id, 50, 60);
    expect((await itemOf(pool.id, next)).paid).toBe('0.00');
  });
});

describe('what settling a batch costs', () => {
  /** pools' database as the consumer uses it, counting every statement (begin and commit too). */
  const counted = () => {
    const statements: string[] = [];
    const db = drizzle({
      client: stack.poolsDb.pool,
      schema: poolsSchema,
      mode: 'default',
      logger: { logQuery: (query) => void statements.push(query) },
    });
    return { db, statements };
  };

  it('runs as many statements for a read of eight members’ contributions as for one, call or no call', async () => {
    const pool = await createOpenPool(stack, manager);
    const members = await Promise.all(Array.from({ length: 8 }, () => stack.signUp('INVESTOR')));
    for (const member of members) {
      expectData(
        await graphql(
          stack.gatewayUrl,
          'mutation($id: ID!) { joinPool(poolId: $id, commitment: "1000.00") { id } }',
          { id: pool.id },
          { token: member.token },
        ),
      );
    }
    const contribution = (investorId: string, amountMinor: string) =>
      posted(pool.id, amountMinor, { investorId });
    const statementsFor = async (events: LedgerEvent[]) => {
      const { db, statements } = counted();
      const outcome = await applyLedgerEvents(db, settlementHandler(log), events);
      expect(outcome.applied).toBe(events.length);
      return statements.length;
    };

    // No call yet: every contribution becomes credit.
    const one = await statementsFor([contribution(members[0]!.userId, '1000')]);
    const eight = await statementsFor(members.map((m) => contribution(m.userId, '1000')));
    // begin, claim, lock members, their pools' currency, their open items, credits, commit.
    expect(one).toBe(7);
    expect(eight).toBe(one);

    // A call of 100.00 each, settled from credit at once (20.00 for the first member, 10.00 for
    // the others); a read that pays every member's rest (the first's with 10.00 left over as
    // credit) costs one more statement: the items' update.
    const callId = await call(pool.id, 10, 30);
    const paying = await statementsFor(members.map((m) => contribution(m.userId, '9000')));
    expect(paying).toBe(one + 1);
    const [row] = (await stack.poolsDb.pool.query(
      'SELECT COUNT(*) AS n, SUM(paid_minor) AS paid FROM capital_call_items WHERE call_id = ?',
      [callId],
    )) as unknown as [Array<{ n: number; paid: string }>];
    expect([Number(row[0]!.n), row[0]!.paid]).toEqual([8, String(8 * 100_00)]);
  });
});
