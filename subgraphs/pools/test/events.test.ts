import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseCapitalCalled,
  parsePoolEvent,
  poolEventsStream,
  type PoolEvent,
} from '@poolgraph/events';
import { Redis } from '@poolgraph/platform';
import { eventually, expectData, graphql, TEST_REDIS_URL } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import {
  CALL_CAPITAL,
  CLOSE_POOL,
  createOpenPool,
  inAMonth,
  join,
  REMOVE_MEMBER,
  UPDATE_POOL,
} from './helpers.ts';

let stack: PoolsHarness;
let manager: TestUser;
let investor: TestUser;
let redis: Redis;

beforeAll(async () => {
  stack = await startPoolsHarness();
  [manager, investor] = await Promise.all([stack.signUp('MANAGER'), stack.signUp('INVESTOR')]);
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await stack?.stop();
});

/** The pool's events on the stream: its snapshots, and (parsed apart) its CapitalCalled facts. */
async function eventsOf(poolId: string): Promise<PoolEvent[]> {
  return (await allEventsOf(poolId)).flatMap((raw) =>
    JSON.parse(raw).type === 'CapitalCalled' ? [] : [parsePoolEvent(raw)],
  );
}

async function allEventsOf(poolId: string): Promise<string[]> {
  const entries = (await redis.xrange(poolEventsStream(stack.eventsPrefix), '-', '+')) as Array<
    [string, string[]]
  >;
  return entries
    .map(([, fields]) => fields[1]!)
    .filter(
      (raw) => (JSON.parse(raw) as { payload: { poolId: string } }).payload.poolId === poolId,
    );
}

describe('pool events', () => {
  it('publishes a snapshot of the pool and its membership for every committed change, with rising revisions', async () => {
    const pool = await createOpenPool(stack, manager, { targetAmount: '100000' });
    await join(stack, investor, pool.id, '5000');
    expectData(
      await graphql(
        stack.gatewayUrl,
        CALL_CAPITAL,
        { poolId: pool.id, percent: 10, dueDate: inAMonth() },
        { token: manager.token },
      ),
    );
    expectData(
      await graphql(
        stack.gatewayUrl,
        UPDATE_POOL,
        { id: pool.id, input: { name: 'Renamed' } },
        { token: manager.token },
      ),
    );
    expectData(
      await graphql(
        stack.gatewayUrl,
        REMOVE_MEMBER,
        { poolId: pool.id, investorId: investor.userId },
        { token: manager.token },
      ),
    );
    expectData(
      await graphql(stack.gatewayUrl, CLOSE_POOL, { id: pool.id }, { token: manager.token }),
    );

    const events = await eventually(async () => {
      const found = await eventsOf(pool.id);
      expect(found.filter((e) => e.type === 'PoolChanged')).toHaveLength(7);
      return found;
    });
    const snapshots = events.flatMap((e) => (e.type === 'PoolChanged' ? [e.payload] : []));
    expect(snapshots.map((s) => s.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(snapshots.map((s) => s.status)).toEqual([
      'DRAFT',
      'OPEN',
      'OPEN',
      'OPEN',
      'OPEN',
      'OPEN',
      'CLOSED',
    ]);
    // create, open, join, call, rename, remove, close
    expect(snapshots[2]).toMatchObject({
      committedMinor: '500000',
      memberCount: 1,
      calledMinor: '0',
    });
    expect(snapshots[3]).toMatchObject({ calledMinor: '50000' });
    // The call is also a fact with each member's exact part (alerts tells members from it).
    const calls = (await allEventsOf(pool.id))
      .filter((raw) => JSON.parse(raw).type === 'CapitalCalled')
      .map((raw) => parseCapitalCalled(raw).payload);
    expect(calls).toMatchObject([
      {
        currency: 'USD',
        percent: '10.0000',
        items: [{ investorId: investor.userId, calledMinor: '50000' }],
      },
    ]);
    expect(snapshots[4]).toMatchObject({ name: 'Renamed' });
    expect(snapshots[5]).toMatchObject({ committedMinor: '0', memberCount: 0 });
    expect(snapshots[0]).toMatchObject({
      managerId: manager.userId,
      currency: 'USD',
      targetMinor: '10000000',
    });
    const memberships = events.flatMap((e) => (e.type === 'MembershipChanged' ? [e.payload] : []));
    expect(memberships).toMatchObject([
      { investorId: investor.userId, member: true, revision: 3, commitmentMinor: '500000' },
      { investorId: investor.userId, member: false, revision: 6 },
    ]);
  });

  it('publishes nothing for a refused change', async () => {
    const pool = await createOpenPool(stack, manager);
    const before = await eventually(async () => {
      const published = (await eventsOf(pool.id)).length;
      expect(published).toBe(2); // created, opened
      return published;
    });
    const refused = await graphql(
      stack.gatewayUrl,
      UPDATE_POOL,
      { id: pool.id, input: { name: '' } },
      { token: manager.token },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await eventsOf(pool.id)).toHaveLength(before);
  });
});
