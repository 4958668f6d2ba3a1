import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestUser } from '@poolgraph/test-stack';
import { eventually } from '@poolgraph/testing';
import { createLogger } from '@poolgraph/platform';
import { startFeeSchedule, type FeeScheduleWorker } from '../src/fees/feeSchedule.ts';
import { addMonthsUtc } from '../src/fees/schedule.ts';
import { createPoster } from '../src/movements/lanes.ts';
import { contribute, errorCodes, expectData, key, useLedgerStack, WITHDRAW } from './helpers.ts';

// The stack's own schedule passes at start only: the test's workers decide when periods are charged.
const ls = useLedgerStack({ serviceConfig: { ledger: { feeScheduleIntervalMs: 3_600_000 } } });
const workers: FeeScheduleWorker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

const PREVIEW = `query FeePreview($poolId: ID!) { managementFeePreview(poolId: $poolId) {
  pool { id } termsVersion period periodStart periodEnd dueAt overdue frequency basis rateBps
  basisAmount { amount currency } amount { amount currency }
  members { investor { id } amount { amount } } } }`;
const FEES = `query Fees($id: ID!) { pool(id: $id) { totalFees { amount }
  transactions(first: 50) { nodes { type status note investor { id } amount { amount } } } } }`;
const POSITION_FEES = `query Position($poolId: ID!, $investorId: ID!) {
  position(poolId: $poolId, investorId: $investorId) { fees { amount } } }`;

interface Preview {
  period: number;
  periodStart: string;
  periodEnd: string | null;
  dueAt: string;
  overdue: boolean;
  amount: { amount: string };
  members: Array<{ investor: { id: string }; amount: { amount: string } }>;
  [field: string]: unknown;
}

/** A second "replica" of the fee schedule: its own poster on the same database. */
function worker(): FeeScheduleWorker {
  const started = startFeeSchedule({
    db: ls.ledger.db,
    poster: createPoster(ls.ledger.db, () => undefined),
    log: createLogger('ledger', 'silent'),
    intervalMs: 3_600_000,
  });
  workers.push(started);
  return started;
}

/**
 * An OPEN pool with a 2 % quarterly management fee on commitments after a 3-month holiday, two
 * members committing $3,000 and $1,000 who paid in $600 and $400 (A has the lower id).
 */
async function poolWithFee(terms: Record<string, unknown> = {}) {
  const manager = await ls.stack.signUp('MANAGER');
  const poolId = expectData(
    await ls.gql<{ createPool: { id: string } }>(
      'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
      { input: { name: 'Fee pool', currency: 'USD' } },
      manager,
    ),
  ).createPool.id;
  expectData(
    await ls.gql(
      'mutation($poolId: ID!, $input: PoolTermsInput!) { setPoolTerms(poolId: $poolId, input: $input) { id } }',
      {
        poolId,
        input: {
          managementFeeBps: 200,
          feeBasis: 'COMMITMENTS',
          feeFrequency: 'QUARTERLY',
          feeHolidayMonths: 3,
          carryBps: 0,
          hurdleBps: 0,
          hurdleCompounding: 'SIMPLE',
          catchUp: 'NONE',
          ...terms,
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
  for (const [investor, commitment, paid] of [
    [a, '3000', '600'],
    [b, '1000', '400'],
  ] as const) {
    expectData(
      await ls.gql(
        'mutation($poolId: ID!, $c: Decimal!) { joinPool(poolId: $poolId, commitment: $c) { id } }',
        { poolId, c: commitment },
        investor,
      ),
    );
    await contribute(ls, poolId, investor, paid);
  }
  return { poolId, manager, a, b };
}

/** Moves the ledger's record of the pool's opening back, as if it had opened `months` ago. */
async function openedMonthsAgo(poolId: string, months: number): Promise<Date> {
  await eventually(async () => {
    const [rows] = (await ls.ledger.db.execute(
      sql`SELECT opened_at, management_fee_bps FROM pool_facts WHERE pool_id = ${poolId}`,
    )) as unknown as [Array<{ opened_at: Date | null; management_fee_bps: number }>];
    expect(rows[0]?.opened_at).toBeTruthy();
    expect(Number(rows[0]?.management_fee_bps)).toBeGreaterThan(0);
  }, 15_000);
  const openedAt = addMonthsUtc(new Date(Date.now() - 3_600_000), -months);
  await ls.ledger.db.execute(
    sql`UPDATE pool_facts SET opened_at = ${openedAt} WHERE pool_id = ${poolId}`,
  );
  return openedAt;
}

const preview = (poolId: string, user: TestUser) =>
  ls.gql<{ managementFeePreview: Preview | null }>(PREVIEW, { poolId }, user);

async function feesOf(poolId: string, manager: TestUser) {
  const { pool } = expectData(
    await ls.gql<{
      pool: {
        totalFees: { amount: string };
        transactions: {
          nodes: Array<{ type: string; note: string | null; amount: { amount: string } }>;
        };
      };
    }>(FEES, { id: poolId }, manager),
  );
  const fees = pool.transactions.nodes.filter((t) => t.type === 'FEE');
  return { total: pool.totalFees.amount, fees: fees.map((f) => [f.amount.amount, f.note]) };
}

describe('the management fee schedule', () => {
  it('charges every missed period once (two workers at once), each split exactly, and a second run charges nothing', async () => {
    const { poolId, manager, a, b } = await poolWithFee();
    const openedAt = await openedMonthsAgo(poolId, 14);
    const day = (months: number) => addMonthsUtc(openedAt, months).toISOString().slice(0, 10);

    // Holiday 3 months, then quarters: due at +3, +6, +9 and +12 months; the next at +15.
    // $4,000 committed × 2 % / 4 = $20.00 a quarter, borne 60/40 by capital: $12 / $8.
    const before = expectData(await preview(poolId, manager)).managementFeePreview!;
    expect(before).toMatchObject({
      pool: { id: poolId },
      termsVersion: 1,
      period: 0,
      periodStart: addMonthsUtc(openedAt, 3).toISOString(),
      periodEnd: addMonthsUtc(openedAt, 6).toISOString(),
      dueAt: addMonthsUtc(openedAt, 3).toISOString(),
      overdue: true,
      frequency: 'QUARTERLY',
      basis: 'COMMITMENTS',
      rateBps: 200,
      basisAmount: { amount: '4000.00', currency: 'USD' },
      amount: { amount: '20.00', currency: 'USD' },
    });
    expect(before.members).toEqual([
      { investor: { id: a.userId }, amount: { amount: '12.00' } },
      { investor: { id: b.userId }, amount: { amount: '8.00' } },
    ]);

    const [first, second] = [worker(), worker()];
    const charged = await Promise.all([first.run(), second.run()]);
    // Each saw the four periods charged (by itself or, replayed, by the other)...
    for (const count of charged) expect(count).toBeLessThanOrEqual(4);
    // ...and the books hold each period once.
    const expected = {
      total: '80.00',
      fees: [12, 9, 6, 3].map((m) => ['20.00', `Management fee ${day(m)} to ${day(m + 3)}`]),
    };
    expect(await feesOf(poolId, manager)).toEqual(expected);
    const feesOfMember = async (investor: TestUser) =>
      expectData(
        await ls.gql<{ position: { fees: { amount: string } } }>(
          POSITION_FEES,
          { poolId, investorId: investor.userId },
          manager,
        ),
      ).position.fees.amount;
    expect(await feesOfMember(a)).toBe('48.00');
    expect(await feesOfMember(b)).toBe('32.00');
    // Each period's FEE event says which period it charged (members' notices name it).
    const [events] = (await ls.ledger.db.execute(
      sql`SELECT payload FROM outbox WHERE aggregate_id = ${poolId} AND type = 'TransactionPosted'`,
    )) as unknown as [Array<{ payload: string | { type: string; feePeriod?: unknown } }>];
    const periods = events
      .map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload))
      .filter((payload: { type: string }) => payload.type === 'FEE')
      .map((payload: { feePeriod?: unknown }) => payload.feePeriod);
    expect(periods).toEqual(
      [3, 6, 9, 12].map((m) => ({
        start: addMonthsUtc(openedAt, m).toISOString(),
        end: addMonthsUtc(openedAt, m + 3).toISOString(),
      })),
    );

    // Nothing is due again until the next quarter.
    expect(await first.run()).toBe(0);
    expect(await worker().run()).toBe(0);
    expect(await feesOf(poolId, manager)).toEqual(expected);
    const after = expectData(await preview(poolId, manager)).managementFeePreview!;
    expect(after).toMatchObject({
      period: 4,
      periodStart: addMonthsUtc(openedAt, 15).toISOString(),
      overdue: false,
      amount: { amount: '20.00' },
    });
  });

  it('leaves a period the cash cannot pay due, and charges it once, when the cash is there', async () => {
    // 25 % of the $4,000 committed, charged once: $1,000, more than the $900 left in the pool.
    const { poolId, manager, a } = await poolWithFee({
      managementFeeBps: 2500,
      feeFrequency: 'ONCE',
      feeHolidayMonths: 0,
    });
    expectData(await ls.gql(WITHDRAW, { poolId, amount: '100', key: key('w') }, a));
    await openedMonthsAgo(poolId, 1);
    const run = worker();
    expect(await run.run()).toBe(0);
    expect(await feesOf(poolId, manager)).toEqual({ total: '0.00', fees: [] });
    expect(expectData(await preview(poolId, manager)).managementFeePreview).toMatchObject({
      period: 0,
      periodEnd: null,
      overdue: true,
      amount: { amount: '1000.00' },
    });
    await contribute(ls, poolId, a, '200');
    expect(await run.run()).toBe(1);
    expect(await feesOf(poolId, manager)).toMatchObject({ total: '1000.00' });
    // Charged once: nothing is left to preview or to charge.
    expect(expectData(await preview(poolId, manager)).managementFeePreview).toBeNull();
    expect(await run.run()).toBe(0);
  });

  it('previews for the pool manager and admins only, and is null without a management fee', async () => {
    const { poolId, manager, a } = await poolWithFee({ managementFeeBps: 0, feeHolidayMonths: 0 });
    const stranger = await ls.stack.signUp('MANAGER');
    expect(errorCodes(await preview(poolId, a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await preview(poolId, stranger))).toEqual(['FORBIDDEN']);
    expect(expectData(await preview(poolId, manager)).managementFeePreview).toBeNull();
    const admin = await ls.stack.admin();
    expect(expectData(await preview(poolId, admin)).managementFeePreview).toBeNull();
  });
});
