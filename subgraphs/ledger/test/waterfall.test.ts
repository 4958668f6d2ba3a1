import { beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@poolgraph/test-stack';
import { uuidv7 } from '@poolgraph/platform';
import { sql } from 'drizzle-orm';
import { errorCodes, expectData, key, RECORD, useLedgerStack } from './helpers.ts';

const ls = useLedgerStack();
let admin: TestUser;
beforeAll(async () => {
  admin = await ls.stack.admin();
});

const PREVIEW = `query Preview($poolId: ID!, $amount: Decimal!) {
  previewDistribution(poolId: $poolId, amount: $amount) {
    pool { id } amount { amount currency } waterfall termsVersion
    members { investor { id } capital { amount } returnOfCapital { amount }
      preferredReturn { amount } profitShare { amount } carryBorne { amount } total { amount } }
    catchUp { amount } carriedInterest { amount } carry { amount } carryRecipient { id } } }`;
const DISTRIBUTE = `mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {
  distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {
    type status carry amount { amount } investor { id } } }`;
const SET_TERMS = `mutation SetTerms($poolId: ID!, $input: PoolTermsInput!) {
  setPoolTerms(poolId: $poolId, input: $input) { id } }`;

/** 20 % carry over an 8 % simple preferred return with a full catch-up, no management fee. */
const TERMS = {
  managementFeeBps: 0,
  feeBasis: 'COMMITMENTS',
  feeFrequency: 'ANNUAL',
  carryBps: 2000,
  hurdleBps: 800,
  hurdleCompounding: 'SIMPLE',
  catchUp: 'FULL',
};

interface Preview {
  waterfall: boolean;
  termsVersion: number | null;
  members: Array<Record<string, { amount: string } | { id: string }>>;
  catchUp: { amount: string };
  carriedInterest: { amount: string };
  carry: { amount: string };
  carryRecipient: { id: string } | null;
}

/** A year and an hour ago: the preferred return counts 365 whole days. */
const aYearAgo = () => new Date(Date.now() - 365 * 86_400_000 - 3_600_000).toISOString();

/**
 * An OPEN pool with the given terms (set while DRAFT) and two members whose money the manager
 * recorded a year ago: A $600, B $400 (A has the lower investor id).
 */
async function fundedPool(terms: Record<string, unknown> | null) {
  const manager = await ls.stack.signUp('MANAGER');
  const poolId = expectData(
    await ls.gql<{ createPool: { id: string } }>(
      'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
      { input: { name: 'Waterfall pool', currency: 'USD' } },
      manager,
    ),
  ).createPool.id;
  if (terms) expectData(await ls.gql(SET_TERMS, { poolId, input: terms }, manager));
  expectData(
    await ls.gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId }, manager),
  );
  const investors = await Promise.all([ls.stack.signUp('INVESTOR'), ls.stack.signUp('INVESTOR')]);
  investors.sort((a, b) => (a.userId < b.userId ? -1 : 1));
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
  return { poolId, manager, a, b };
}

const preview = (poolId: string, amount: string, user: TestUser) =>
  ls.gql<{ previewDistribution: Preview }>(PREVIEW, { poolId, amount }, user);

/** An exit's proceeds, recorded by the manager: the money beyond capital the waterfall splits. */
async function addProceeds(poolId: string, manager: TestUser, amount: string) {
  expectData(
    await ls.gql(
      `mutation($p: ID!, $a: Decimal!, $k: String!) {
        recordProceeds(poolId: $p, amount: $a, note: "exit", idempotencyKey: $k) { id } }`,
      { p: poolId, a: amount, k: key('proceeds') },
      manager,
    ),
  );
}

const distribute = (poolId: string, amount: string, user: TestUser) =>
  ls.gql<{ distribute: Array<Record<string, unknown>> }>(
    DISTRIBUTE,
    { poolId, amount, key: key('d') },
    user,
  );

const POSITION = `query Position($poolId: ID!, $investorId: ID!) {
  position(poolId: $poolId, investorId: $investorId) {
    contributed { amount } distributed { amount } carryBorne { amount } capital { amount } } }`;

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

type Tiers = {
  returnOfCapitalMinor: string;
  preferredReturnMinor: string;
  profitShareMinor: string;
};
const HISTORY = `query($after: String) { ledgerHistory(after: $after, first: 5000) {
  entries { transactionId poolId investorId type amountMinor
    tiers { returnOfCapitalMinor preferredReturnMinor profitShareMinor } }
  endCursor hasNextPage } }`;

/**
 * The tiers recorded for each posted transaction of the pool, as its outbox event (which the
 * relay publishes, and publishes again after a crash) and the ledger's history export (the
 * rebuild's replay) carry them: [investorId, amountMinor, tiers | null], in posting order.
 */
async function recordedTiers(poolId: string) {
  const [rows] = (await ls.ledger.db.execute(
    sql`SELECT payload FROM outbox WHERE aggregate_id = ${poolId} AND type = 'TransactionPosted' ORDER BY seq`,
  )) as unknown as [Array<{ payload: string | Record<string, unknown> }>];
  const events = rows
    .map(
      (r) =>
        (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<
          string,
          unknown
        >,
    )
    .filter((p) => p.type === 'DISTRIBUTION')
    .map((p) => [p.investorId, p.amountMinor, p.tiers ?? null]);
  type Entry = {
    poolId: string;
    investorId: string;
    type: string;
    amountMinor: string;
    tiers: Tiers | null;
  };
  const history: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { entries: Entry[]; endCursor: string | null; hasNextPage: boolean } = expectData(
      await ls.gql<{
        ledgerHistory: { entries: Entry[]; endCursor: string | null; hasNextPage: boolean };
      }>(HISTORY, { after }, admin),
    ).ledgerHistory;
    history.push(...page.entries);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  const replayed = history
    .filter((e) => e.poolId === poolId && e.type === 'DISTRIBUTION')
    .map((e) => [e.investorId, e.amountMinor, e.tiers]);
  expect(replayed).toEqual(events);
  return events;
}

const tiers = (roc: string, pref: string, profit: string): Tiers => ({
  returnOfCapitalMinor: roc,
  preferredReturnMinor: pref,
  profitShareMinor: profit,
});

describe('distribute through the waterfall', () => {
  it('previews every tier per member, then distributes exactly that, the carry to the manager', async () => {
    const { poolId, manager, a, b } = await fundedPool(TERMS);
    await addProceeds(poolId, manager, '500');
    // Capital back $600 / $400; 8 % for a year: $48 / $32; catch-up 80 × 0.2 / 0.8 = $20;
    // the $400 left split 80/20: $320 to the members (60/40: $192 / $128), $80 carry.
    const seen = expectData(await preview(poolId, '1500', manager)).previewDistribution;
    expect(seen).toMatchObject({
      waterfall: true,
      termsVersion: 1,
      catchUp: { amount: '20.00' },
      carriedInterest: { amount: '80.00' },
      carry: { amount: '100.00' },
      carryRecipient: { id: manager.userId },
    });
    expect(seen.members).toEqual([
      {
        investor: { id: a.userId },
        capital: { amount: '600.00' },
        returnOfCapital: { amount: '600.00' },
        preferredReturn: { amount: '48.00' },
        profitShare: { amount: '192.00' },
        carryBorne: { amount: '60.00' },
        total: { amount: '840.00' },
      },
      {
        investor: { id: b.userId },
        capital: { amount: '400.00' },
        returnOfCapital: { amount: '400.00' },
        preferredReturn: { amount: '32.00' },
        profitShare: { amount: '128.00' },
        carryBorne: { amount: '40.00' },
        total: { amount: '560.00' },
      },
    ]);

    const paid = expectData(await distribute(poolId, '1500', manager)).distribute;
    const posted = { type: 'DISTRIBUTION', status: 'POSTED' };
    expect(paid).toEqual([
      { ...posted, carry: false, amount: { amount: '840.00' }, investor: { id: a.userId } },
      { ...posted, carry: false, amount: { amount: '560.00' }, investor: { id: b.userId } },
      { ...posted, carry: true, amount: { amount: '100.00' }, investor: { id: manager.userId } },
    ]);
    // The members bear the carry, pro rata to capital; the manager's own account is not moved
    // (the books check runs after this test).
    expect(await positionOf(poolId, manager.userId)).toMatchObject({
      distributed: '0.00',
      carryBorne: '0.00',
      capital: '0.00',
    });
    expect(await positionOf(poolId, a.userId)).toMatchObject({
      distributed: '840.00',
      carryBorne: '60.00',
    });
    expect(await positionOf(poolId, b.userId)).toMatchObject({
      distributed: '560.00',
      carryBorne: '40.00',
    });
    // Each member's tiers are recorded with their distribution, as the preview showed them;
    // the carry has none (its split is the allocations).
    expect(await recordedTiers(poolId)).toEqual([
      [a.userId, '84000', tiers('60000', '4800', '19200')],
      [b.userId, '56000', tiers('40000', '3200', '12800')],
      [manager.userId, '10000', null],
    ]);
  });

  it('pays no carry while capital is unreturned, and pays the rest once it is (cumulative)', async () => {
    const { poolId, manager, a, b } = await fundedPool(TERMS);
    await addProceeds(poolId, manager, '500');
    const first = expectData(await distribute(poolId, '1050', manager)).distribute;
    // $1,000 of capital back, then $50 of the $80 preferred return (pro rata 48:32 → 30 / 20).
    expect(first.map((t) => [t.amount, t.carry])).toEqual([
      [{ amount: '630.00' }, false],
      [{ amount: '420.00' }, false],
    ]);
    const second = expectData(await distribute(poolId, '450', manager)).distribute;
    // The $30 preferred left (18 / 12), the $20 catch-up, the $400 split: together exactly
    // what one distribution of $1,500 pays.
    expect(second).toMatchObject([
      { investor: { id: a.userId }, amount: { amount: '210.00' }, carry: false },
      { investor: { id: b.userId }, amount: { amount: '140.00' }, carry: false },
      { investor: { id: manager.userId }, amount: { amount: '100.00' }, carry: true },
    ]);
    // Each distribution records what it paid by tier, not what one large one would have.
    expect(await recordedTiers(poolId)).toEqual([
      [a.userId, '63000', tiers('60000', '3000', '0')],
      [b.userId, '42000', tiers('40000', '2000', '0')],
      [a.userId, '21000', tiers('0', '1800', '19200')],
      [b.userId, '14000', tiers('0', '1200', '12800')],
      [manager.userId, '10000', null],
    ]);
  });

  it('pays the carry as a pending payout with startDistribution, which the manager confirms', async () => {
    const { poolId, manager, a } = await fundedPool(TERMS);
    await addProceeds(poolId, manager, '500');
    const started = expectData(
      await ls.gql<{
        startDistribution: Array<{
          id: string;
          status: string;
          carry: boolean;
          amount: { amount: string };
          investor: { id: string };
        }>;
      }>(
        `mutation($p: ID!, $key: String!) { startDistribution(poolId: $p, amount: "1500", idempotencyKey: $key) {
          id status carry amount { amount } investor { id } } }`,
        { p: poolId, key: key('sd') },
        manager,
      ),
    ).startDistribution;
    expect(started.map((t) => [t.status, t.carry, t.amount.amount])).toEqual([
      ['PENDING', false, '840.00'],
      ['PENDING', false, '560.00'],
      ['PENDING', true, '100.00'],
    ]);
    // The pending payouts hold the cash they will pay: none is left to distribute again.
    expect(errorCodes(await preview(poolId, '0.01', manager))).toEqual(['INSUFFICIENT_FUNDS']);
    const carry = started[2]!;
    const confirmed = expectData(
      await ls.gql<{ confirmPayout: { status: string; carry: boolean } }>(
        'mutation($t: ID!) { confirmPayout(transactionId: $t) { status carry } }',
        { t: carry.id },
        manager,
      ),
    ).confirmPayout;
    expect(confirmed).toEqual({ status: 'POSTED', carry: true });
    // Posted, the carry is borne by the members (by capital, as at once); the manager's account
    // only held its reservation.
    expect(await positionOf(poolId, manager.userId)).toEqual({
      contributed: '0.00',
      distributed: '0.00',
      carryBorne: '0.00',
      capital: '0.00',
    });
    expect(await positionOf(poolId, a.userId)).toMatchObject({
      distributed: '0.00',
      carryBorne: '60.00',
    });
    // The members' payouts confirm as usual; then nothing is left in A's account.
    for (const payout of started.slice(0, 2)) {
      expectData(
        await ls.gql(
          'mutation($t: ID!) { confirmPayout(transactionId: $t) { status } }',
          { t: payout.id },
          manager,
        ),
      );
    }
    expect(await positionOf(poolId, a.userId)).toMatchObject({
      distributed: '840.00',
      capital: '0.00',
    });
    // A pending payout keeps the tiers it was planned with until it posts.
    expect(await recordedTiers(poolId)).toEqual([
      [manager.userId, '10000', null],
      [started[0]!.investor.id, '84000', tiers('60000', '4800', '19200')],
      [started[1]!.investor.id, '56000', tiers('40000', '3200', '12800')],
    ]);
  });

  it('keeps plain pro rata for a pool without terms', async () => {
    const { poolId, manager, a, b } = await fundedPool(null);
    await addProceeds(poolId, manager, '500');
    const seen = expectData(await preview(poolId, '1500', manager)).previewDistribution;
    expect(seen).toMatchObject({ waterfall: false, termsVersion: null, carryRecipient: null });
    expect(seen.carry).toEqual({ amount: '0.00' });
    expect(seen.members.map((m) => m.total)).toEqual([{ amount: '900.00' }, { amount: '600.00' }]);
    const paid = expectData(await distribute(poolId, '1500', manager)).distribute;
    expect(paid).toEqual([
      {
        type: 'DISTRIBUTION',
        status: 'POSTED',
        carry: false,
        amount: { amount: '900.00' },
        investor: { id: a.userId },
      },
      {
        type: 'DISTRIBUTION',
        status: 'POSTED',
        carry: false,
        amount: { amount: '600.00' },
        investor: { id: b.userId },
      },
    ]);
    // Pro rata: no tiers on the distributions.
    expect(await recordedTiers(poolId)).toEqual([
      [a.userId, '90000', null],
      [b.userId, '60000', null],
    ]);
  });
});

describe('previewDistribution', () => {
  it('is FORBIDDEN to members and other managers, NOT_FOUND for an unknown pool, and refuses bad amounts', async () => {
    const { poolId, a } = await fundedPool(TERMS);
    const stranger = await ls.stack.signUp('MANAGER');
    expect(errorCodes(await preview(poolId, '10', a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await preview(poolId, '10', stranger))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await preview(uuidv7(), '10', stranger))).toEqual(['NOT_FOUND']);
  });

  it('refuses an amount above the cash with INSUFFICIENT_FUNDS and a malformed one with BAD_USER_INPUT', async () => {
    const { poolId, manager } = await fundedPool(TERMS);
    expect(errorCodes(await preview(poolId, '1000.01', manager))).toEqual(['INSUFFICIENT_FUNDS']);
    for (const amount of ['-5', '0', '10.001', 'abc']) {
      const response = await preview(poolId, amount, manager);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.field).toBe('amount');
    }
  });
});
