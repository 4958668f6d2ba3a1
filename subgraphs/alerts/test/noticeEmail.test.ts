import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { ledgerEventsStream, usersEventsStream } from '@poolgraph/events';
import { connectMysql, uuidv7, type Mysql } from '@poolgraph/platform';
import {
  errorCodes,
  eventually,
  startSmtpCapture,
  TEST_REDIS_URL,
  type SmtpCapture,
} from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { schema } from '../src/db/index.ts';
import { alertsWorld } from './world.ts';

// Notices with the fund terms, and by email: the real stack (users announces addresses on
// users.events), a real SMTP server, ledger events with tiers and fee periods appended to the
// stream as the ledger writes them.
let stack: Stack;
let redis: Redis;
let smtp: SmtpCapture;
let mysql: Mysql<typeof schema>;
const world = alertsWorld(() => stack);
let manager: TestUser;
let ivy: TestUser;
let zoe: TestUser;
let outsider: TestUser;
let poolId: string;

const NOTICES = `{ notices(first: 200) { id kind message amount { amount } fee { amount }
  tiers { returnOfCapital { amount } preferredReturn { amount } profitShare { amount } }
  feePeriod { start end } carryBorne { amount } } }`;
const PREFS = '{ noticePreferences { kind inApp email isDefault } noticeEmailAddress }';
const SET =
  'mutation($k: NoticeKind!, $e: Boolean!) { setNoticePreference(kind: $k, email: $e) { kind email isDefault } }';

interface Prefs {
  noticePreferences: Array<{ kind: string; inApp: boolean; email: boolean; isDefault: boolean }>;
  noticeEmailAddress: string | null;
}

interface NoticeView {
  id: string;
  kind: string;
  message: string;
  amount: { amount: string };
  fee: { amount: string } | null;
  tiers: Record<string, { amount: string }> | null;
  feePeriod: { start: string; end: string | null } | null;
  carryBorne: { amount: string } | null;
}

const noticesOf = async (user: TestUser) =>
  (await world.as<{ notices: NoticeView[] }>(user, NOTICES)).notices;

/** Appends a TransactionPosted as the ledger's relay does; returns the entry (to send again). */
async function posted(payload: Record<string, unknown>): Promise<string> {
  const event = {
    id: uuidv7(),
    type: 'TransactionPosted',
    occurredAt: new Date().toISOString(),
    payload: {
      transactionId: uuidv7(),
      poolId,
      currency: 'USD',
      cashBalanceMinor: '0',
      ...payload,
    },
  };
  const entry = JSON.stringify(event);
  await redis.xadd(ledgerEventsStream(stack.redisPrefix), '*', 'event', entry);
  return entry;
}

const deliveriesOf = async (investorId: string) => {
  const [rows] = (await mysql.db.execute(
    sql`SELECT d.id, d.status, d.attempts, d.sent_to, n.kind FROM notice_deliveries d
        JOIN notices n ON n.id = d.notice_id WHERE d.investor_id = ${investorId}`,
  )) as unknown as [
    Array<{ id: string; status: string; attempts: number; sent_to: string; kind: string }>,
  ];
  return rows;
};

const mailsTo = (user: TestUser) => smtp.textsTo(user.email);

beforeAll(async () => {
  smtp = await startSmtpCapture();
  stack = await startStack({
    serviceConfig: {
      alerts: {
        retry: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 200 },
        pollIntervalMs: 50,
        smtpUrl: smtp.url,
      },
    },
  });
  redis = new Redis(TEST_REDIS_URL);
  mysql = connectMysql({ url: stack.databases.alerts!.url }, schema);
  [manager, ivy, zoe, outsider] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
  ]);
  poolId = await world.openPool(manager, { name: 'Harbor Fund' });
  await world.join(ivy, poolId, '10000');
  await world.join(zoe, poolId, '30000');
  await world.factsArrived(manager, poolId);
  // The emails need the addresses users announced: the tests start once alerts has them all (a
  // notice before that is retried, and the tests' short retry policy gives up within ~0.3 s).
  const people = [manager, ivy, zoe, outsider].map((user) => user.userId);
  await eventually(async () => {
    const [rows] = (await mysql.db.execute(
      sql`SELECT user_id FROM contacts WHERE user_id IN (${sql.join(people, sql`, `)})`,
    )) as unknown as [Array<{ user_id: string }>];
    expect(rows).toHaveLength(people.length);
  }, 15_000);
});

afterAll(async () => {
  await world.closeAll();
  redis?.disconnect();
  await mysql?.pool.end();
  await stack?.stop();
  await smtp?.stop();
});

describe('notices with the terms, by email', () => {
  it("shows a waterfall distribution's tiers, a scheduled fee's period and each member's carry", async () => {
    await posted({
      investorId: ivy.userId,
      type: 'DISTRIBUTION',
      amountMinor: '12345',
      tiers: {
        returnOfCapitalMinor: '10000',
        preferredReturnMinor: '800',
        profitShareMinor: '1545',
      },
    });
    await posted({
      investorId: null,
      type: 'FEE',
      amountMinor: '2000',
      allocations: [
        { investorId: ivy.userId, amountMinor: '500' },
        { investorId: zoe.userId, amountMinor: '1500' },
      ],
      feePeriod: { start: '2027-01-31T09:00:00.000Z', end: '2027-04-30T09:00:00.000Z' },
    });
    await posted({
      investorId: manager.userId,
      type: 'DISTRIBUTION',
      amountMinor: '400',
      allocations: [
        { investorId: ivy.userId, amountMinor: '100' },
        { investorId: zoe.userId, amountMinor: '300' },
      ],
    });
    const ivys = await eventually(async () => {
      const found = await noticesOf(ivy);
      expect(found).toHaveLength(3);
      return found;
    }, 15_000);
    const byKind = Object.fromEntries(ivys.map((n) => [n.kind, n]));
    expect(byKind.DISTRIBUTION).toMatchObject({
      amount: { amount: '123.45' },
      tiers: {
        returnOfCapital: { amount: '100.00' },
        preferredReturn: { amount: '8.00' },
        profitShare: { amount: '15.45' },
      },
      fee: null,
      feePeriod: null,
      carryBorne: null,
    });
    expect(byKind.FEE).toMatchObject({
      amount: { amount: '5.00' },
      fee: { amount: '5.00' },
      feePeriod: { start: '2027-01-31T09:00:00.000Z', end: '2027-04-30T09:00:00.000Z' },
      tiers: null,
      message: 'Your share of the management fee for 2027-01-31 to 2027-04-30: 5.00 USD.',
    });
    expect(byKind.CARRY).toMatchObject({
      amount: { amount: '1.00' },
      carryBorne: { amount: '1.00' },
    });
    // Zoe has her own shares only; the manager the carry they received; the outsider nothing.
    await eventually(async () => {
      const zoes = await noticesOf(zoe);
      expect(zoes.map((n) => [n.kind, n.amount.amount]).sort()).toEqual([
        ['CARRY', '3.00'],
        ['FEE', '15.00'],
      ]);
    }, 15_000);
    const managers = await noticesOf(manager);
    expect(managers.map((n) => [n.kind, n.message])).toEqual([
      ['DISTRIBUTION', 'You received carried interest of 4.00 USD.'],
    ]);
    expect(await noticesOf(outsider)).toEqual([]);
  });

  it('emails each notice once to its investor by their preferences, and nothing to anyone else', async () => {
    // Ivy's three notices above are emailed by default (distribution, fee, carry) to her address.
    await eventually(async () => expect(mailsTo(ivy)).toHaveLength(3), 15_000);
    const texts = mailsTo(ivy).join('\n');
    expect(texts).toContain('Subject: [Poolgraph] Distribution in Harbor Fund');
    expect(texts).toContain('Return of capital: 100.00 USD');
    expect(texts).toContain('Management fee period: 2027-01-31 to 2027-04-30');
    expect((await world.as<Prefs>(ivy, PREFS)).noticeEmailAddress).toBe(ivy.email);

    // Zoe turns fee emails off; ivy keeps the defaults, which leave her own contributions out.
    expect(
      (await world.as<{ setNoticePreference: unknown }>(zoe, SET, { k: 'FEE', e: false }))
        .setNoticePreference,
    ).toEqual({
      kind: 'FEE',
      email: false,
      isDefault: false,
    });
    await eventually(async () => expect(mailsTo(zoe)).toHaveLength(2), 15_000);
    await world.contribute(ivy, poolId, '50');
    await posted({
      investorId: null,
      type: 'FEE',
      amountMinor: '400',
      allocations: [
        { investorId: ivy.userId, amountMinor: '100' },
        { investorId: zoe.userId, amountMinor: '300' },
      ],
    });
    await eventually(async () => expect(mailsTo(ivy)).toHaveLength(4), 15_000);
    expect(mailsTo(ivy)[3]).toContain('Your share of a fee: 1.00 USD.');
    // The fee's notice reached zoe in the app, not by email; her contribution notice ivy neither.
    await eventually(async () => expect(await noticesOf(zoe)).toHaveLength(3), 15_000);
    expect(mailsTo(zoe)).toHaveLength(2);
    expect((await deliveriesOf(ivy.userId)).map((d) => d.kind).sort()).toEqual([
      'CARRY',
      'DISTRIBUTION',
      'FEE',
      'FEE',
    ]);
    expect(mailsTo(outsider)).toEqual([]);
    expect(mailsTo(manager)).toHaveLength(1); // the carry they received
  });

  it('retries an email the server refused, then delivers it once; a redelivered event sends nothing', async () => {
    // The refusals are for this test's email: the earlier ones must all be out first (a read of
    // the stream can hold several events, so the last of them may still be on its way).
    let earlier: Set<string> = new Set();
    await eventually(async () => {
      const rows = await deliveriesOf(ivy.userId);
      expect(rows.filter((d) => d.status !== 'DELIVERED')).toEqual([]);
      earlier = new Set(rows.map((d) => d.id));
    }, 15_000);
    const before = mailsTo(ivy).length;
    smtp.failNext(ivy.email, 2);
    const again = await posted({
      investorId: ivy.userId,
      type: 'DISTRIBUTION',
      amountMinor: '700',
    });
    await eventually(async () => expect(mailsTo(ivy)).toHaveLength(before + 1), 15_000);
    expect(smtp.refused.get(ivy.email)).toBe(2);
    // The row is recorded after the server accepted the mail: it may lag the mail a moment.
    await eventually(async () => {
      // This email's row, not one found by its attempts: an earlier email may have retried too.
      const row = (await deliveriesOf(ivy.userId)).find((d) => !earlier.has(d.id));
      expect(row).toMatchObject({
        status: 'DELIVERED',
        attempts: 3,
        sent_to: ivy.email,
        kind: 'DISTRIBUTION',
      });
    }, 15_000);

    // The same event again (a relay that lost its reply), then a new one as the signal.
    await redis.xadd(ledgerEventsStream(stack.redisPrefix), '*', 'event', again);
    await posted({ investorId: ivy.userId, type: 'DISTRIBUTION', amountMinor: '800' });
    await eventually(async () => expect(mailsTo(ivy)).toHaveLength(before + 2), 15_000);
    expect(mailsTo(ivy).filter((text) => text.includes('7.00 USD'))).toHaveLength(1);
  });

  it('follows the newest address users announced, and ignores an older one', async () => {
    const announce = async (email: string, occurredAt: Date) => {
      const event = {
        id: uuidv7(),
        type: 'UserContactChanged',
        occurredAt: occurredAt.toISOString(),
        payload: { userId: zoe.userId, email },
      };
      await redis.xadd(usersEventsStream(stack.redisPrefix), '*', 'event', JSON.stringify(event));
    };
    await announce('zoe.new@example.com', new Date(Date.now() + 1_000));
    await announce('zoe.stale@example.com', new Date(Date.now() - 60_000));
    await eventually(async () => {
      const { noticeEmailAddress } = await world.as<Prefs>(zoe, PREFS);
      expect(noticeEmailAddress).toBe('zoe.new@example.com');
    }, 15_000);
    await posted({ investorId: zoe.userId, type: 'DISTRIBUTION', amountMinor: '900' });
    await eventually(
      async () => expect(smtp.textsTo('zoe.new@example.com')).toHaveLength(1),
      15_000,
    );
    expect(smtp.textsTo('zoe.stale@example.com')).toEqual([]);
  });

  it('lists every kind with its default, keeps each person to their own, and refuses anonymous callers', async () => {
    const { noticePreferences } = await world.as<Prefs>(outsider, PREFS);
    expect(noticePreferences).toHaveLength(11);
    expect(noticePreferences.every((p) => p.inApp && p.isDefault)).toBe(true);
    expect(noticePreferences.find((p) => p.kind === 'CONTRIBUTION_POSTED')!.email).toBe(false);
    expect(noticePreferences.find((p) => p.kind === 'CAPITAL_CALL')!.email).toBe(true);
    expect(noticePreferences.find((p) => p.kind === 'PAYMENT_HELD')!.email).toBe(true);
    // Zoe's choice is hers alone.
    const zoes = (await world.as<Prefs>(zoe, PREFS)).noticePreferences;
    expect(zoes.find((p) => p.kind === 'FEE')).toMatchObject({ email: false, isDefault: false });
    expect(noticePreferences.find((p) => p.kind === 'FEE')).toMatchObject({ email: true });
    expect(errorCodes(await world.raw(undefined, '{ noticePreferences { kind } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await world.raw(undefined, SET, { k: 'FEE', e: true }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await world.raw(ivy, SET, { k: 'NOPE', e: true })).length).toBe(1);
  });

  it('tells each member the carry they bore when the real ledger pays a waterfall with carry', async () => {
    const [owner, amy, bob] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
      stack.signUp('INVESTOR'),
    ]);
    const { createPool } = await world.as<{ createPool: { id: string } }>(
      owner,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: 'Carry pool', currency: 'USD' } },
    );
    const carryPool = createPool.id;
    // 20 % carry, no hurdle, no catch-up: of a 2,000 distribution over 1,000 of capital, the
    // 1,000 profit pays 200 carry, borne 60/40 by capital: 120 and 80.
    await world.as(
      owner,
      'mutation($p: ID!, $i: PoolTermsInput!) { setPoolTerms(poolId: $p, input: $i) { id } }',
      {
        p: carryPool,
        i: {
          managementFeeBps: 0,
          feeBasis: 'COMMITMENTS',
          feeFrequency: 'ANNUAL',
          carryBps: 2000,
          hurdleBps: 0,
          hurdleCompounding: 'SIMPLE',
          catchUp: 'NONE',
        },
      },
    );
    await world.as(owner, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: carryPool });
    await world.join(amy, carryPool, '1000');
    await world.join(bob, carryPool, '1000');
    await world.contribute(amy, carryPool, '600');
    await world.contribute(bob, carryPool, '400');
    await world.as(
      owner,
      'mutation($p: ID!) { recordProceeds(poolId: $p, amount: "1000", note: "exit", idempotencyKey: "carry-exit") { id } }',
      { p: carryPool },
    );
    await world.as(
      owner,
      'mutation($p: ID!) { distribute(poolId: $p, amount: "2000", idempotencyKey: "carry-out") { id } }',
      { p: carryPool },
    );
    for (const [member, carry] of [
      [amy, '120.00'],
      [bob, '80.00'],
    ] as const) {
      await eventually(async () => {
        const carries = (await noticesOf(member)).filter((n) => n.kind === 'CARRY');
        expect(carries.map((n) => [n.amount.amount, n.carryBorne?.amount])).toEqual([
          [carry, carry],
        ]);
      }, 15_000);
    }
    await eventually(async () => {
      const received = (await noticesOf(owner)).map((n) => [n.kind, n.message]);
      expect(received).toEqual([['DISTRIBUTION', 'You received carried interest of 200.00 USD.']]);
    }, 15_000);
  });
});
