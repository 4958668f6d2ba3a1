import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { ALERT_RAISED, alertsWorld } from './world.ts';

// End to end: real pools (facts by pools.events), a real contribution through the ledger
// (ledger.events), alerts persisted, counted and delivered live through the gateway.
let stack: Stack;
const world = alertsWorld(() => stack);
let manager: TestUser;
let otherManager: TestUser;
let investor: TestUser;
let admin: TestUser;
let poolId: string;

beforeAll(async () => {
  stack = await startStack();
  [manager, otherManager, investor, admin] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.admin(),
  ]);
  poolId = await world.openPool(manager, { targetAmount: '100000' }); // default threshold 10,000
  await world.join(investor, poolId);
  await world.factsArrived(manager, poolId);
});

afterAll(async () => {
  await world.closeAll();
  await stack?.stop();
});

const ALERTS = `query($p: ID) { alerts(poolId: $p) { id kind status message transaction { id amount { amount currency } } } }`;

describe('LARGE_TRANSACTION', () => {
  it("raises exactly one alert for a contribution above the pool's threshold, live to the manager with and without poolId", async () => {
    const forPool = await world.watch(manager, ALERT_RAISED, { p: poolId });
    const forAll = await world.watch(manager, ALERT_RAISED, {});
    const forAdmin = await world.watch(admin, ALERT_RAISED, {});
    const forOther = await world.watch(otherManager, ALERT_RAISED, {});

    await world.contribute(investor, poolId, '500'); // below: nothing
    const transactionId = await world.contribute(investor, poolId, '25000.50');

    await eventually(async () => {
      expect(forPool).toHaveLength(1);
      expect(forAll).toHaveLength(1);
      expect(forAdmin).toHaveLength(1);
    }, 10_000);
    const live = forPool[0]!.data!.alertRaised as Record<string, unknown>;
    expect(live).toMatchObject({
      kind: 'LARGE_TRANSACTION',
      pool: { id: poolId },
      transaction: { id: transactionId, amount: { amount: '25000.50' } },
    });
    expect(live.message).toContain('25000.50 USD');
    expect(live.message).toContain('10000.00 USD');
    expect(forAll[0]!.data!.alertRaised).toEqual(live);

    const { alerts } = await world.as<{
      alerts: Array<{ id: string; transaction: { id: string } }>;
    }>(manager, ALERTS, { p: poolId });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: live.id, transaction: { id: transactionId } });
    // Nothing reached the other manager's subscription.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forOther).toHaveLength(0);
  });

  it("counts the pool's open alerts for its manager and admins only", async () => {
    const COUNT = `query($p: ID!) { pool(id: $p) { id openAlertCount } }`;
    const count = async (user: TestUser) =>
      (await world.as<{ pool: { openAlertCount: number } }>(user, COUNT, { p: poolId })).pool
        .openAlertCount;
    expect(await count(manager)).toBe(1);
    expect(await count(admin)).toBe(1);
    expect(await count(otherManager)).toBe(0);
  });

  it('puts the alert in the manager’s inbox, and lets them acknowledge then resolve it', async () => {
    const { inbox } = await world.as<{
      inbox: Array<{ id: string; channel: string; status: string; alert: { id: string } }>;
    }>(manager, '{ inbox { id channel status readAt alert { id kind } } }');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ channel: 'IN_APP', status: 'DELIVERED' });
    const id = inbox[0]!.alert.id;
    const ack = await world.as<{ acknowledgeAlert: { status: string } }>(
      manager,
      'mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }',
      { id },
    );
    expect(ack.acknowledgeAlert.status).toBe('ACKNOWLEDGED');
    expect(
      errorCodes(
        await world.raw(otherManager, 'mutation($id: ID!) { resolveAlert(id: $id) { status } }', {
          id,
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    const resolved = await world.as<{ resolveAlert: { status: string } }>(
      manager,
      'mutation($id: ID!) { resolveAlert(id: $id) { status } }',
      { id },
    );
    expect(resolved.resolveAlert.status).toBe('RESOLVED');
    const again = await world.raw(
      manager,
      'mutation($id: ID!) { resolveAlert(id: $id) { status } }',
      { id },
    );
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    const MARK = 'mutation($ids: [ID!]!) { markInboxRead(ids: $ids) }';
    expect(await world.as(otherManager, MARK, { ids: [inbox[0]!.id] })).toEqual({
      markInboxRead: 0,
    });
    expect(await world.as(manager, MARK, { ids: [inbox[0]!.id] })).toEqual({ markInboxRead: 1 });
  });

  it("refuses another manager's and an investor's subscriptions, and shows an investor no alerts", async () => {
    const forOther = await world.watch(otherManager, ALERT_RAISED, { p: poolId });
    const forInvestor = await world.watch(investor, ALERT_RAISED, {});
    await eventually(async () => {
      expect(forOther[0]?.errors).toBeDefined();
      expect(forInvestor[0]?.errors).toBeDefined();
    });
    expect(JSON.stringify(forOther[0]!.errors)).toContain('FORBIDDEN');
    expect(JSON.stringify(forInvestor[0]!.errors)).toContain('FORBIDDEN');
    expect(errorCodes(await world.raw(investor, ALERTS, { p: poolId }))).toEqual(['FORBIDDEN']);
    const { alerts } = await world.as<{ alerts: unknown[] }>(otherManager, ALERTS, { p: poolId });
    expect(alerts).toEqual([]);
  });

  it('pages alerts newest first with first and after', async () => {
    await world.contribute(investor, poolId, '20000');
    await world.contribute(investor, poolId, '30000');
    await eventually(async () => {
      const { alerts } = await world.as<{ alerts: unknown[] }>(manager, ALERTS, { p: poolId });
      expect(alerts).toHaveLength(3);
    }, 10_000);
    const PAGE = `query($p: ID, $f: Int, $a: ID) { alerts(poolId: $p, first: $f, after: $a) { id } }`;
    const all = (
      await world.as<{ alerts: Array<{ id: string }> }>(manager, PAGE, { p: poolId, f: 10 })
    ).alerts;
    const page1 = (
      await world.as<{ alerts: Array<{ id: string }> }>(manager, PAGE, { p: poolId, f: 2 })
    ).alerts;
    const page2 = (
      await world.as<{ alerts: Array<{ id: string }> }>(manager, PAGE, {
        p: poolId,
        f: 2,
        a: page1[1]!.id,
      })
    ).alerts;
    expect([...page1, ...page2].map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(errorCodes(await world.raw(manager, PAGE, { p: poolId, f: 501 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await world.raw(otherManager, PAGE, { f: 2, a: page1[1]!.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
