import { errorCodes, eventually, graphql, type GraphQLResponse } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, gql, openPool, poolMutation } from './live.ts';

const RECORD = `mutation($input: RecordValuationInput!) { recordValuation(input: $input) {
  id pool { id } date value { amount currency } note recordedBy { id } recordedAt } }`;

const METRICS = `query($p: ID!) { poolPerformance(poolId: $p) {
  nav { amount currency } navDate dpi rvpi tvpi moic irr
  valuations { date value { amount } note recordedBy { id } }
  investors { investor { id } contributed { amount } distributed { amount } navShare { amount }
    dpi rvpi tvpi moic irr } } }`;

const MINE = `query($i: ID!) { investorPerformance(investorId: $i) {
  pool { id } investor { id } navShare { amount } tvpi } }`;

interface Metrics {
  nav: { amount: string; currency: string } | null;
  navDate: string | null;
  dpi: string | null;
  rvpi: string | null;
  tvpi: string | null;
  moic: string | null;
  irr: string | null;
  valuations: Array<{ date: string; value: { amount: string }; note: string | null }>;
  investors: Array<{ investor: { id: string }; navShare: { amount: string } | null; tvpi: string }>;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('valuations and performance metrics through the gateway', () => {
  let stack: Stack;
  let admin: TestUser;
  let stranger: TestUser;
  let otherManager: TestUser;
  let pool: Awaited<ReturnType<typeof openPool>>;
  let a: TestUser;
  let b: TestUser;

  beforeAll(async () => {
    stack = await startStack();
    [admin, stranger, otherManager] = await Promise.all([
      stack.admin(),
      stack.signUp('INVESTOR'),
      stack.signUp('MANAGER'),
    ]);
    pool = await openPool(stack, 2);
    [a, b] = pool.members as [TestUser, TestUser];
    await contribute(stack, pool.poolId, a, '600.00');
    await contribute(stack, pool.poolId, b, '400.00');
    await poolMutation(stack, 'distribute', pool.poolId, pool.manager, '100.00');
    await eventually(async () => {
      const { poolPerformance } = await gql<{
        poolPerformance: { distributed: { amount: string } };
      }>(
        stack,
        'query($p: ID!) { poolPerformance(poolId: $p) { distributed { amount } } }',
        { p: pool.poolId },
        admin,
      );
      expect(poolPerformance.distributed.amount).toBe('100.00');
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const call = (query: string, variables: Record<string, unknown>, user?: TestUser) =>
    graphql(stack.gatewayUrl, query, variables, user ?? {});
  const record = (input: Record<string, unknown>, user: TestUser) =>
    call(RECORD, { input: { poolId: pool.poolId, date: today(), value: '1', ...input } }, user);
  const metrics = async (user: TestUser) =>
    (await gql<{ poolPerformance: Metrics }>(stack, METRICS, { p: pool.poolId }, user))
      .poolPerformance;
  const refused = (response: GraphQLResponse<unknown>) => ({
    codes: errorCodes(response),
    message: response.errors?.[0]?.message,
  });

  it('has no NAV before the first valuation, and DPI over net paid-in', async () => {
    expect(await metrics(pool.manager)).toMatchObject({
      nav: null,
      navDate: null,
      dpi: '0.100000',
      rvpi: null,
      tvpi: null,
      moic: null,
      irr: null,
      valuations: [],
    });
  });

  it("records the manager's valuation with who and when, and derives the metrics from it", async () => {
    const before = Date.now();
    const { recordValuation } = await gql<{
      recordValuation: { date: string; recordedBy: { id: string }; recordedAt: string };
    }>(
      stack,
      RECORD,
      { input: { poolId: pool.poolId, date: today(), value: '1200.00', note: 'Mark to market' } },
      pool.manager,
    );
    expect(recordValuation).toMatchObject({
      pool: { id: pool.poolId },
      date: today(),
      value: { amount: '1200.00', currency: 'USD' },
      note: 'Mark to market',
      recordedBy: { id: pool.manager.userId },
    });
    expect(Date.parse(recordValuation.recordedAt)).toBeGreaterThanOrEqual(before - 1000);

    const seen = await metrics(pool.manager);
    // Every flow is on the valuation's day, which it covers: NAV is the valuation itself.
    expect(seen).toMatchObject({
      nav: { amount: '1200.00', currency: 'USD' },
      navDate: today(),
      dpi: '0.100000',
      rvpi: '1.200000',
      tvpi: '1.300000',
      moic: '1.300000',
      // Every flow on one day: no rate solves the XIRR equation.
      irr: null,
      valuations: [{ date: today(), value: { amount: '1200.00' }, note: 'Mark to market' }],
    });
    // NAV shared by net contributed capital, 600 : 400.
    const lines = Object.fromEntries(
      seen.investors.map((i) => [i.investor.id, [i.navShare?.amount, i.tvpi]]),
    );
    expect(lines).toEqual({
      [a.userId]: ['720.00', '1.300000'],
      [b.userId]: ['480.00', '1.300000'],
    });
    expect(await metrics(admin)).toEqual(seen);
  });

  it('shows an investor only their own line, and strangers nothing', async () => {
    const mine = await metrics(a);
    expect(mine.nav).toEqual({ amount: '1200.00', currency: 'USD' });
    expect(mine.investors.map((i) => i.investor.id)).toEqual([a.userId]);
    const { investorPerformance } = await gql<{
      investorPerformance: Array<{ pool: { id: string }; navShare: { amount: string } }>;
    }>(stack, MINE, { i: b.userId }, b);
    expect(investorPerformance).toEqual([
      {
        pool: { id: pool.poolId },
        investor: { id: b.userId },
        navShare: { amount: '480.00' },
        tvpi: '1.300000',
      },
    ]);
    expect(
      (await gql<{ investorPerformance: unknown[] }>(stack, MINE, { i: b.userId }, pool.manager))
        .investorPerformance,
    ).toHaveLength(1);
    expect(
      (await gql<{ investorPerformance: unknown[] }>(stack, MINE, { i: b.userId }, otherManager))
        .investorPerformance,
    ).toEqual([]);
    expect(errorCodes(await call(METRICS, { p: pool.poolId }, stranger))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(MINE, { i: b.userId }, a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(METRICS, { p: pool.poolId }))).toEqual(['UNAUTHENTICATED']);
  });

  it("lets only the pool's manager and administrators record a valuation", async () => {
    for (const user of [a, stranger, otherManager]) {
      expect(refused(await record({ date: daysFromToday(0), value: '5.00' }, user))).toEqual({
        codes: ['FORBIDDEN'],
        message: "Only the pool's manager or an administrator can record its valuation.",
      });
    }
    expect(
      errorCodes(await call(RECORD, { input: { poolId: pool.poolId, date: today(), value: '1' } })),
    ).toEqual(['UNAUTHENTICATED']);
    const unknown = await call(
      RECORD,
      { input: { poolId: '0190b7a0-0000-7000-8000-000000000000', date: today(), value: '1' } },
      admin,
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    // Going around the gateway gains nothing.
    const direct = await graphql(
      `${stack.urls.reports}/graphql`,
      RECORD,
      { input: { poolId: pool.poolId, date: today(), value: '1' } },
      otherManager,
    );
    expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
  });

  it('refuses future and impossible dates, days before the pool, negative values and long notes', async () => {
    const m = pool.manager;
    expect(refused(await record({ date: daysFromToday(3) }, m))).toEqual({
      codes: ['BAD_USER_INPUT'],
      message: `input.date: ${daysFromToday(3)} is in the future; a valuation states a past value.`,
    });
    expect(refused(await record({ date: '2026-02-30' }, m))).toEqual({
      codes: ['BAD_USER_INPUT'],
      message: 'input.date: must be a day such as "2026-01-31", got "2026-02-30".',
    });
    expect(refused(await record({ date: '2000-01-01' }, m))).toEqual({
      codes: ['BAD_USER_INPUT'],
      message: `input.date: 2000-01-01 is before the pool existed (${today()}).`,
    });
    expect(refused(await record({ value: '-5.00' }, m))).toEqual({
      codes: ['BAD_USER_INPUT'],
      message: 'input.value: must be zero or more, got "-5.00".',
    });
    expect(refused(await record({ value: '1.001' }, m)).codes).toEqual(['BAD_USER_INPUT']);
    expect(refused(await record({ note: 'x'.repeat(1001) }, m))).toEqual({
      codes: ['BAD_USER_INPUT'],
      message: 'input.note: must be at most 1000 characters.',
    });
    // Nothing refused was written.
    expect((await metrics(m)).valuations).toHaveLength(1);
  });

  it('refuses a second valuation of the same day with CONFLICT unless asked to replace it', async () => {
    expect(refused(await record({ value: '900.00' }, pool.manager))).toEqual({
      codes: ['CONFLICT'],
      message: `The pool already has a valuation on ${today()} (1200.00 USD); record it with replace to change it.`,
    });
    expect((await metrics(pool.manager)).nav).toEqual({ amount: '1200.00', currency: 'USD' });
    const replaced = await record({ value: '900.00', note: 'Revised', replace: true }, admin);
    expect(errorCodes(replaced)).toEqual([]);
    const after = await metrics(pool.manager);
    expect(after).toMatchObject({
      nav: { amount: '900.00' },
      tvpi: '1.000000',
      valuations: [
        {
          date: today(),
          value: { amount: '900.00' },
          note: 'Revised',
          recordedBy: { id: admin.userId },
        },
      ],
    });
  });
});
