import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { ledgerEventsStream, poolEventsStream } from '@poolgraph/events';
import { connectMysql } from '@poolgraph/platform';
import { errorCodes, eventually, TEST_REDIS_URL } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { schema } from '../src/db/index.ts';
import { alertsWorld } from './world.ts';

// End to end: real pools (CapitalCalled on pools.events) and the real ledger (ledger.events)
// through the gateway; notices written by the alerts worker, read back by each investor.
let stack: Stack;
let redis: Redis;
const world = alertsWorld(() => stack);
let manager: TestUser;
let ivy: TestUser;
let zoe: TestUser;
let outsider: TestUser;
let poolId: string;

interface NoticeView {
  id: string;
  kind: string;
  message: string;
  amount: { amount: string; currency: string };
  pool: { id: string };
  transaction: { id: string } | null;
  dueDate: string | null;
  readAt: string | null;
}

const NOTICES = `query($first: Int, $after: ID, $unread: Boolean) {
  notices(first: $first, after: $after, unreadOnly: $unread) {
    id kind message amount { amount currency } pool { id } transaction { id } dueDate readAt
  } }`;

const noticesOf = async (user: TestUser, variables: Record<string, unknown> = { first: 200 }) =>
  (await world.as<{ notices: NoticeView[] }>(user, NOTICES, variables)).notices;

const unreadOf = async (user: TestUser) =>
  (await world.as<{ unreadNoticeCount: number }>(user, '{ unreadNoticeCount }')).unreadNoticeCount;

/** Waits until the investor holds a notice of that kind and amount; returns it. */
async function noticeArrives(user: TestUser, kind: string, amount: string): Promise<NoticeView> {
  return eventually(async () => {
    const found = (await noticesOf(user)).find(
      (n) => n.kind === kind && n.amount.amount === amount,
    );
    expect(found, `${kind} ${amount}`).toBeDefined();
    return found!;
  }, 15_000);
}

beforeAll(async () => {
  stack = await startStack();
  redis = new Redis(TEST_REDIS_URL);
  [manager, ivy, zoe, outsider] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
  ]);
  poolId = await world.openPool(manager);
  await world.join(ivy, poolId, '10000');
  await world.join(zoe, poolId, '30000');
});

afterAll(async () => {
  await world.closeAll();
  redis?.disconnect();
  await stack?.stop();
});

describe('notices', () => {
  it('tells each member their own part of a capital call, and no one else', async () => {
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await world.as(
      manager,
      'mutation($p: ID!, $d: DateTime!) { callCapital(poolId: $p, percent: 10, dueDate: $d) { id } }',
      { p: poolId, d: due },
    );
    const ivys = await noticeArrives(ivy, 'CAPITAL_CALL', '1000.00');
    const zoes = await noticeArrives(zoe, 'CAPITAL_CALL', '3000.00');
    expect(ivys).toMatchObject({ pool: { id: poolId }, transaction: null, dueDate: due });
    expect(ivys.message).toBe(
      `Capital call: 10% of your commitment, 1000.00 USD, due ${due.slice(0, 10)}.`,
    );
    expect(zoes.message).toContain('3000.00 USD');
    expect(await noticesOf(outsider)).toEqual([]);
    expect(await noticesOf(manager)).toEqual([]);
  });

  it("tells investors of their payments' outcomes, their distribution and fee shares, with their own amounts", async () => {
    const ivyTx = await world.contribute(ivy, poolId, '1000');
    await world.contribute(zoe, poolId, '3000');
    const posted = await noticeArrives(ivy, 'CONTRIBUTION_POSTED', '1000.00');
    expect(posted.transaction).toEqual({ id: ivyTx });
    expect(posted.message).toBe('Your contribution of 1000.00 USD was received.');

    // A bank transfer started, then cancelled: voided, for what was started.
    const { startContribution } = await world.as<{
      startContribution: { transaction: { id: string } };
    }>(
      ivy,
      'mutation($p: ID!, $k: String!) { startContribution(poolId: $p, amount: "250", method: BANK_TRANSFER, idempotencyKey: $k) { transaction { id } } }',
      { p: poolId, k: randomUUID() },
    );
    await world.as(ivy, 'mutation($t: ID!) { cancelContribution(transactionId: $t) { id } }', {
      t: startContribution.transaction.id,
    });
    const voided = await noticeArrives(ivy, 'CONTRIBUTION_VOIDED', '250.00');
    expect(voided.transaction).toEqual({ id: startContribution.transaction.id });

    // 400 distributed and a 40 fee over capital 1000 : 3000.
    await world.as(
      manager,
      'mutation($p: ID!, $k: String!) { distribute(poolId: $p, amount: "400", idempotencyKey: $k) { id } }',
      { p: poolId, k: randomUUID() },
    );
    await world.as(
      manager,
      'mutation($p: ID!, $k: String!) { chargeFee(poolId: $p, amount: "40", idempotencyKey: $k) { id } }',
      { p: poolId, k: randomUUID() },
    );
    await noticeArrives(ivy, 'DISTRIBUTION', '100.00');
    await noticeArrives(zoe, 'DISTRIBUTION', '300.00');
    await noticeArrives(ivy, 'FEE', '10.00');
    await noticeArrives(zoe, 'FEE', '30.00');

    // Nothing of ivy's reached zoe, and the outsider still has nothing.
    const zoes = await noticesOf(zoe);
    expect(zoes.map((n) => n.kind).sort()).toEqual([
      'CAPITAL_CALL',
      'CONTRIBUTION_POSTED',
      'DISTRIBUTION',
      'FEE',
    ]);
    expect(
      zoes.every((n) => !['1000.00', '100.00', '10.00', '250.00'].includes(n.amount.amount)),
    ).toBe(true);
    expect(await noticesOf(outsider)).toEqual([]);
  });

  it('tells an investor their late transfer is held for them, then that it was sent back', async () => {
    const { startContribution } = await world.as<{
      startContribution: { transaction: { id: string }; bankTransfer: { reference: string } };
    }>(
      ivy,
      'mutation($p: ID!, $k: String!) { startContribution(poolId: $p, amount: "60", method: BANK_TRANSFER, idempotencyKey: $k) { transaction { id } bankTransfer { reference } } }',
      { p: poolId, k: randomUUID() },
    );
    const id = startContribution.transaction.id;
    await world.as(ivy, 'mutation($t: ID!) { cancelContribution(transactionId: $t) { id } }', {
      t: id,
    });
    // Her bank sends it anyway, twice at once (a manager's double click): held once.
    const CONFIRM =
      'mutation($r: String!, $a: Decimal!) { confirmBankTransfer(reference: $r, amount: $a) { id } }';
    const late = { r: startContribution.bankTransfer.reference, a: '60' };
    const answers = await Promise.all([1, 2].map(() => world.raw(manager, CONFIRM, late)));
    expect(answers.map(errorCodes)).toEqual([['CONFLICT'], ['CONFLICT']]);
    const held = await noticeArrives(ivy, 'PAYMENT_HELD', '60.00');
    expect(held.transaction).toEqual({ id });
    expect(held.message).toBe(
      "60.00 USD you paid arrived for a contribution the pool could no longer take; it is held for you and the pool's manager will send it back to you.",
    );
    await world.as(manager, 'mutation($t: ID!) { refundPayment(transactionId: $t) { id } }', {
      t: id,
    });
    const refunded = await noticeArrives(ivy, 'PAYMENT_REFUNDED', '60.00');
    expect(refunded.message).toBe("The pool's manager sent 60.00 USD back to you.");
    const ivys = await noticesOf(ivy);
    expect(ivys.filter((n) => n.kind.startsWith('PAYMENT_'))).toHaveLength(2);
    expect((await noticesOf(zoe)).some((n) => n.kind.startsWith('PAYMENT_'))).toBe(false);
  });

  it('writes each notice exactly once when every event is delivered again', async () => {
    const before = (await noticesOf(ivy)).length + (await noticesOf(zoe)).length;
    expect(before).toBeGreaterThanOrEqual(8);
    // Every event both streams carried, appended again as a relay that lost its reply would.
    for (const stream of [
      ledgerEventsStream(stack.redisPrefix),
      poolEventsStream(stack.redisPrefix),
    ]) {
      const entries = (await redis.xrange(stream, '-', '+')) as Array<[string, string[]]>;
      for (const [, fields] of entries) await redis.xadd(stream, '*', ...fields);
    }
    // A new fact after the copies: once its notice is there, the copies were consumed before it.
    await world.contribute(ivy, poolId, '7');
    await noticeArrives(ivy, 'CONTRIBUTION_POSTED', '7.00');
    const after = (await noticesOf(ivy)).length + (await noticesOf(zoe)).length;
    expect(after).toBe(before + 1);
  });

  it('delivers a notice live to its investor only', async () => {
    const SUB = 'subscription { noticeReceived { kind amount { amount } pool { id } } }';
    const forIvy = await world.watch(ivy, SUB);
    const forZoe = await world.watch(zoe, SUB);
    await world.contribute(ivy, poolId, '12.34');
    await eventually(async () => expect(forIvy).toHaveLength(1), 15_000);
    expect(forIvy[0]!.data!.noticeReceived).toEqual({
      kind: 'CONTRIBUTION_POSTED',
      amount: { amount: '12.34' },
      pool: { id: poolId },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forZoe).toHaveLength(0);
  });

  it('pages the inbox, counts the unread and marks only the caller’s own notices read', async () => {
    const all = await noticesOf(ivy);
    expect(await unreadOf(ivy)).toBe(all.length);

    const first = await noticesOf(ivy, { first: 2 });
    const rest = await noticesOf(ivy, { first: 200, after: first[1]!.id });
    expect([...first, ...rest].map((n) => n.id)).toEqual(all.map((n) => n.id));

    // Zoe marking ivy's notices changes nothing.
    const ids = first.map((n) => n.id);
    const MARK = 'mutation($ids: [ID!]) { markNoticesRead(ids: $ids) }';
    expect((await world.as<{ markNoticesRead: number }>(zoe, MARK, { ids })).markNoticesRead).toBe(
      0,
    );
    expect(await unreadOf(ivy)).toBe(all.length);
    expect(
      (await world.as<{ markNoticesRead: number }>(ivy, MARK, { ids: [...ids, 'nope'] }))
        .markNoticesRead,
    ).toBe(2);
    expect(await unreadOf(ivy)).toBe(all.length - 2);
    expect((await noticesOf(ivy, { first: 200, unread: true })).map((n) => n.id)).not.toContain(
      ids[0],
    );
    expect((await world.as<{ markNoticesRead: number }>(ivy, MARK, {})).markNoticesRead).toBe(
      all.length - 2,
    );
    expect(await unreadOf(ivy)).toBe(0);
    expect(await unreadOf(zoe)).toBeGreaterThan(0);
  });

  it('counts the unread live: at once, after each notice and read, in a tab that joins later too', async () => {
    const LIVE = 'subscription { unreadNoticeCount }';
    type Live = Array<{ data?: Record<string, unknown> | null }>;
    const latest = (events: Live) => events.at(-1)?.data?.unreadNoticeCount;
    const firstTab = await world.watch(ivy, LIVE);
    const zoesTab = await world.watch(zoe, LIVE);
    const start = await unreadOf(ivy);
    await eventually(async () => expect(latest(firstTab)).toBe(start), 15_000);

    await world.contribute(ivy, poolId, '3');
    await eventually(async () => expect(latest(firstTab)).toBe(start + 1), 15_000);
    // Another tab of ivy's shares the gateway's upstream subscription: it starts from the
    // latest count at once, not from the next change.
    const secondTab = await world.watch(ivy, LIVE);
    expect(secondTab.map((e) => e.data)).toEqual([{ unreadNoticeCount: start + 1 }]);

    // Read in one place, counted again in every tab.
    await world.as(ivy, 'mutation { markNoticesRead }');
    await eventually(async () => {
      expect(latest(firstTab)).toBe(0);
      expect(latest(secondTab)).toBe(0);
    }, 15_000);
    // Zoe heard nothing of ivy's.
    expect(zoesTab.map((e) => e.data)).toEqual([{ unreadNoticeCount: await unreadOf(zoe) }]);
  });

  it('refuses a bad page, another investor’s cursor and an anonymous caller', async () => {
    const [ivysFirst] = await noticesOf(ivy);
    expect(errorCodes(await world.raw(zoe, NOTICES, { after: ivysFirst!.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await world.raw(ivy, NOTICES, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await world.raw(ivy, NOTICES, { after: 'x' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await world.raw(undefined, NOTICES))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await world.raw(undefined, 'mutation { markNoticesRead }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('gives up at once on the emails of a stack without SMTP, keeping the notices', async () => {
    const mysql = connectMysql({ url: stack.databases.alerts!.url }, schema);
    try {
      await eventually(async () => {
        const [rows] = (await mysql.db.execute(
          sql`SELECT status, attempts, last_error FROM notice_deliveries WHERE investor_id = ${ivy.userId}`,
        )) as unknown as [Array<{ status: string; attempts: number; last_error: string }>];
        // Ivy's capital call, voided contributions (two), distribution, fee, and her held and
        // refunded transfer (email by default).
        expect(rows).toHaveLength(7);
        for (const row of rows) {
          expect(row).toEqual({
            status: 'DEAD',
            attempts: 1,
            last_error: 'SMTP is not configured',
          });
        }
      }, 15_000);
    } finally {
      await mysql.pool.end();
    }
  });
});
