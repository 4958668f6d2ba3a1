import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { OPEN_POOL, countRows, createPool, join } from './helpers.ts';

const TERMS_FIELDS = `version managementFeeBps feeBasis feeFrequency feeHolidayMonths carryBps
  hurdleBps hurdleCompounding catchUp poolStatus carryRecipient { id } setBy { id } setAt`;
const SET_TERMS = `mutation SetTerms($poolId: ID!, $input: PoolTermsInput!) {
  setPoolTerms(poolId: $poolId, input: $input) { id revision terms { ${TERMS_FIELDS} } } }`;
const TERMS = `query Terms($id: ID!) { pool(id: $id) { terms { ${TERMS_FIELDS} } } }`;
const HISTORY = `query History($id: ID!) { pool(id: $id) { termsHistory { version carryBps poolStatus setBy { id } } } }`;

/** 2 and 20 with an 8 % compounding hurdle and a full catch-up: the classic syndicate terms. */
const CLASSIC = {
  managementFeeBps: 200,
  feeBasis: 'COMMITMENTS',
  feeFrequency: 'ANNUAL',
  feeHolidayMonths: 6,
  carryBps: 2000,
  hurdleBps: 800,
  hurdleCompounding: 'COMPOUND',
  catchUp: 'FULL',
};

interface TermsData {
  version: number;
  carryBps: number;
  poolStatus: string;
  setBy: { id: string };
  carryRecipient: { id: string };
}

let stack: PoolsHarness;
let manager: TestUser;
let otherManager: TestUser;
let investor: TestUser;

beforeAll(async () => {
  stack = await startPoolsHarness();
  [manager, otherManager, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
});
afterAll(() => stack?.stop());

const setTerms = (poolId: string, input: Record<string, unknown>, user = manager) =>
  graphql<{ setPoolTerms: { id: string; revision: number; terms: TermsData } }>(
    stack.gatewayUrl,
    SET_TERMS,
    { poolId, input },
    { token: user.token },
  );

/** The terms the newest PoolChanged event of the pool in the outbox carries. */
async function termsInOutbox(poolId: string): Promise<unknown> {
  const [rows] = await stack.poolsDb.pool.query(
    `SELECT payload FROM outbox WHERE aggregate_id = ? AND type = 'PoolChanged' ORDER BY id DESC LIMIT 1`,
    [poolId],
  );
  const raw = (rows as Array<{ payload: string | Record<string, unknown> }>)[0]!.payload;
  const payload = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { terms?: unknown };
  return payload.terms;
}

describe('setPoolTerms', () => {
  it('sets the terms of a DRAFT pool as version 1, by the manager, carry to the manager', async () => {
    const pool = await createPool(stack, manager);
    const set = expectData(await setTerms(pool.id, CLASSIC)).setPoolTerms;
    expect(set.terms).toMatchObject({
      ...CLASSIC,
      version: 1,
      poolStatus: 'DRAFT',
      setBy: { id: manager.userId },
      carryRecipient: { id: manager.userId },
    });
    // The ledger learns them from the pool's snapshot, with the version.
    expect(await termsInOutbox(pool.id)).toEqual({ ...CLASSIC, version: 1 });
  });

  it('versions a change after opening, keeps the history, and shows the terms to members', async () => {
    const pool = await createPool(stack, manager);
    expectData(await setTerms(pool.id, CLASSIC));
    expectData(
      await graphql(stack.gatewayUrl, OPEN_POOL, { id: pool.id }, { token: manager.token }),
    );
    expectData(await join(stack, investor, pool.id, '1000'));
    const changed = expectData(await setTerms(pool.id, { ...CLASSIC, carryBps: 2500 }));
    expect(changed.setPoolTerms.terms).toMatchObject({
      version: 2,
      carryBps: 2500,
      poolStatus: 'OPEN',
    });
    expect(await termsInOutbox(pool.id)).toMatchObject({ version: 2, carryBps: 2500 });

    const history = expectData(
      await graphql<{ pool: { termsHistory: TermsData[] } }>(
        stack.gatewayUrl,
        HISTORY,
        { id: pool.id },
        { token: manager.token },
      ),
    );
    expect(history.pool.termsHistory).toEqual([
      { version: 2, carryBps: 2500, poolStatus: 'OPEN', setBy: { id: manager.userId } },
      { version: 1, carryBps: 2000, poolStatus: 'DRAFT', setBy: { id: manager.userId } },
    ]);

    const seen = expectData(
      await graphql<{ pool: { terms: TermsData } }>(
        stack.gatewayUrl,
        TERMS,
        { id: pool.id },
        { token: investor.token },
      ),
    );
    expect(seen.pool.terms).toMatchObject({ version: 2, carryBps: 2500 });
    const hidden = await graphql(
      stack.gatewayUrl,
      HISTORY,
      { id: pool.id },
      { token: investor.token },
    );
    expect(errorCodes(hidden)).toEqual(['FORBIDDEN']);
  });

  it('has no terms until they are set', async () => {
    const pool = await createPool(stack, manager);
    const data = expectData(
      await graphql<{ pool: { terms: null } }>(
        stack.gatewayUrl,
        TERMS,
        { id: pool.id },
        { token: manager.token },
      ),
    );
    expect(data.pool.terms).toBeNull();
  });

  it.each([
    ['a negative fee', { managementFeeBps: -1 }, 'input.managementFeeBps'],
    ['a fee above 25 %', { managementFeeBps: 2501 }, 'input.managementFeeBps'],
    ['a carry above 50 %', { carryBps: 5001 }, 'input.carryBps'],
    ['a hurdle above 50 %', { hurdleBps: 5001 }, 'input.hurdleBps'],
    ['a fee holiday beyond 120 months', { feeHolidayMonths: 121 }, 'input.feeHolidayMonths'],
    ['a catch-up without a hurdle', { hurdleBps: 0 }, 'input.catchUp'],
    [
      'a fee holiday without a fee',
      { managementFeeBps: 0, feeHolidayMonths: 3 },
      'input.feeHolidayMonths',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field and writes nothing',
    async (_, bad, field) => {
      const pool = await createPool(stack, manager);
      const before = await countRows(stack, 'pool_terms');
      const response = await setTerms(pool.id, { ...CLASSIC, ...bad });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(await countRows(stack, 'pool_terms')).toBe(before);
    },
  );

  it('refuses terms identical to the ones in force', async () => {
    const pool = await createPool(stack, manager);
    expectData(await setTerms(pool.id, CLASSIC));
    const again = await setTerms(pool.id, CLASSIC);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('is FORBIDDEN to another manager and to investors, and NOT_FOUND for a pool that does not exist', async () => {
    const pool = await createPool(stack, manager);
    expect(errorCodes(await setTerms(pool.id, CLASSIC, otherManager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await setTerms(pool.id, CLASSIC, investor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await setTerms('not-a-pool', CLASSIC))).toEqual(['NOT_FOUND']);
    expect(await countRows(stack, 'pool_terms')).toBeGreaterThan(0);
    const data = expectData(
      await graphql<{ pool: { terms: null } }>(
        stack.gatewayUrl,
        TERMS,
        { id: pool.id },
        { token: manager.token },
      ),
    );
    expect(data.pool.terms).toBeNull();
  });
});
