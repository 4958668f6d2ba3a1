import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { seedAlerts } from '../../../scripts/seed-alerts.ts';
import { alertsWorld } from './world.ts';

let stack: Stack;
const world = alertsWorld(() => stack);
let manager: TestUser;
let investor: TestUser;

beforeAll(async () => {
  stack = await startStack();
  [manager, investor] = await Promise.all([stack.signUp('MANAGER'), stack.signUp('INVESTOR')]);
});
afterAll(async () => {
  await stack?.stop();
});

const auth = (user: TestUser) => ({ accessToken: user.token, user: { id: user.userId } });

describe('the alerts demo seed', () => {
  it('raises one alert of each kind through the real ledger, and a second run changes nothing', async () => {
    await seedAlerts(stack.gatewayUrl, auth(manager), auth(investor));
    const kinds = async () =>
      (await world.as<{ alerts: Array<{ kind: string }> }>(manager, '{ alerts { kind } }')).alerts
        .map((a) => a.kind)
        .sort();
    // Early ledger events may wait for the pool's facts (retried after the claim interval).
    await eventually(
      async () => expect(await kinds()).toEqual(['LARGE_TRANSACTION', 'TRANSACTION_SPIKE']),
      45_000,
    );
    await seedAlerts(stack.gatewayUrl, auth(manager), auth(investor));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await kinds()).toEqual(['LARGE_TRANSACTION', 'TRANSACTION_SPIKE']);
  }, 90_000);
});
