import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { ALERT_RAISED, alertsWorld } from './world.ts';

// A planted burst on event time through the real ledger (recordContribution with occurredAt).
let stack: Stack;
const world = alertsWorld(() => stack);
let manager: TestUser;
let investor: TestUser;
let poolId: string;
const MINUTE = 60_000;

beforeAll(async () => {
  stack = await startStack();
  [manager, investor] = await Promise.all([stack.signUp('MANAGER'), stack.signUp('INVESTOR')]);
  poolId = await world.openPool(manager); // no target: no LARGE_TRANSACTION alerts
  await world.join(investor, poolId);
  await world.factsArrived(manager, poolId);
  await world.as(manager, 'mutation($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }', {
    i: { poolId, kind: 'TRANSACTION_SPIKE', spikeFactor: 3 },
  });
});

afterAll(async () => {
  await world.closeAll();
  await stack?.stop();
});

type AlertView = {
  id: string;
  kind: string;
  status: string;
  observedCount: number;
  baselineCount: number;
  message: string;
};
const ALERTS = `query($p: ID) { alerts(poolId: $p) { id kind status observedCount baselineCount message } }`;

describe('TRANSACTION_SPIKE end to end', () => {
  it('raises exactly one alert for 30 transactions in 5 minutes after an hour of 2 per minute, then resolves it when the rate falls back', async () => {
    const live = await world.watch(manager, ALERT_RAISED, { p: poolId });
    const start = Date.now() - 75 * MINUTE;
    for (let i = 0; i < 120; i++) {
      await world.record(manager, poolId, investor.userId, '10', new Date(start + i * 30_000));
    }
    const burstStart = start + 60 * MINUTE;
    for (let i = 0; i < 30; i++) {
      await world.record(manager, poolId, investor.userId, '10', new Date(burstStart + i * 8_000));
    }
    const alerts = await eventually(async () => {
      const { alerts } = await world.as<{ alerts: AlertView[] }>(manager, ALERTS, { p: poolId });
      expect(alerts).toHaveLength(1);
      return alerts;
    }, 20_000);
    expect(alerts[0]).toMatchObject({ kind: 'TRANSACTION_SPIKE', status: 'OPEN' });
    expect(alerts[0]!.observedCount).toBeGreaterThanOrEqual(30);
    expect(alerts[0]!.baselineCount).toBeCloseTo(10, 0);
    await eventually(async () => expect(live).toHaveLength(1), 5_000);
    expect((live[0]!.data!.alertRaised as { kind: string }).kind).toBe('TRANSACTION_SPIKE');

    // Quiet for ten minutes, then an ordinary transaction: the window is back under the threshold.
    await world.record(manager, poolId, investor.userId, '10', new Date(Date.now() - MINUTE));
    await eventually(async () => {
      const { alerts: after } = await world.as<{ alerts: AlertView[] }>(manager, ALERTS, {
        p: poolId,
      });
      expect(after.map((a) => a.status)).toEqual(['RESOLVED']);
    }, 10_000);
    expect(live).toHaveLength(1);
  }, 120_000);
});
