import { connectMysql, uuidv7, type Mysql } from '@poolgraph/platform';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlerts } from '../src/data/alerts.ts';
import { schema } from '../src/db/index.ts';
import { ALERT_FIELDS, alertFixture, type AlertView } from './fixtures.ts';

const ALERTS = `query Alerts($poolId: ID, $status: AlertStatus, $limit: Int) {
  alerts(poolId: $poolId, status: $status, limit: $limit) { ${ALERT_FIELDS} }
}`;

describe('alerts query', () => {
  let stack: Stack;
  let mysql: Mysql<typeof schema>;
  let managerA: TestUser;
  let managerB: TestUser;
  let investor: TestUser;
  let admin: TestUser;
  const poolA = uuidv7();
  const poolA2 = uuidv7();
  const poolB = uuidv7();
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const ids = { aLarge: uuidv7(), aSpike: uuidv7(), aAcked: uuidv7(), a2: uuidv7(), b: uuidv7() };

  beforeAll(async () => {
    stack = await startStack();
    [managerA, managerB, investor, admin] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
      stack.admin(),
    ]);
    mysql = connectMysql({ url: stack.databases.alerts!.url }, schema);
    const a = { poolId: poolA, managerId: managerA.userId };
    for (const alert of [
      alertFixture({ ...a, id: ids.aLarge, raisedAt: minutesAgo(1) }),
      alertFixture({
        ...a,
        id: ids.aSpike,
        kind: 'TRANSACTION_SPIKE',
        message: '60 transactions in 5 minutes, 12 times the usual 5.',
        transactionId: null,
        observedCount: 60,
        baselineCount: 5,
        raisedAt: minutesAgo(2),
      }),
      alertFixture({ ...a, id: ids.aAcked, status: 'ACKNOWLEDGED', raisedAt: minutesAgo(3) }),
      alertFixture({
        poolId: poolA2,
        managerId: managerA.userId,
        id: ids.a2,
        raisedAt: minutesAgo(4),
      }),
      alertFixture({
        poolId: poolB,
        managerId: managerB.userId,
        id: ids.b,
        raisedAt: minutesAgo(5),
      }),
    ]) {
      await insertAlerts(mysql.db, [alert]);
    }
  });

  afterAll(async () => {
    await mysql?.close();
    await stack?.stop();
  });

  const listAs = async (user: TestUser, variables: Record<string, unknown> = {}) =>
    expectData(await graphql<{ alerts: AlertView[] }>(stack.gatewayUrl, ALERTS, variables, user))
      .alerts;

  it('lists only the alerts of pools the manager manages, newest first', async () => {
    const alerts = await listAs(managerA);
    expect(alerts.map((a) => a.id)).toEqual([ids.aLarge, ids.aSpike, ids.aAcked, ids.a2]);
    expect(alerts[1]).toMatchObject({
      kind: 'TRANSACTION_SPIKE',
      status: 'OPEN',
      pool: { id: poolA },
      transaction: null,
      observedCount: 60,
      baselineCount: 5,
      message: '60 transactions in 5 minutes, 12 times the usual 5.',
    });
    expect(alerts[0]?.transaction?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(alerts[0]!.raisedAt).getTime()).toBeGreaterThan(Date.now() - 3 * 60_000);
    expect((await listAs(managerB)).map((a) => a.id)).toEqual([ids.b]);
  });

  it('lets an admin see every pool and filter by pool and by status', async () => {
    expect((await listAs(admin)).map((a) => a.id)).toEqual(Object.values(ids));
    expect((await listAs(admin, { poolId: poolB })).map((a) => a.id)).toEqual([ids.b]);
    const acknowledged = await listAs(admin, { status: 'ACKNOWLEDGED' });
    expect(acknowledged.map((a) => a.id)).toEqual([ids.aAcked]);
  });

  it("returns nothing for another manager's pool or a malformed pool id", async () => {
    expect(await listAs(managerB, { poolId: poolA })).toEqual([]);
    expect(await listAs(managerA, { poolId: 'not-a-uuid' })).toEqual([]);
  });

  it('returns at most limit alerts and rejects a limit outside 1 to 500', async () => {
    expect((await listAs(managerA, { limit: 2 })).map((a) => a.id)).toEqual([
      ids.aLarge,
      ids.aSpike,
    ]);
    for (const limit of [0, 501, -1]) {
      const response = await graphql(stack.gatewayUrl, ALERTS, { limit }, managerA);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/^limit: /);
    }
  });

  it('forbids investors and requires sign-in', async () => {
    expect(errorCodes(await graphql(stack.gatewayUrl, ALERTS, {}, investor))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await graphql(stack.gatewayUrl, ALERTS))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives a direct call to the subgraph only what its token allows', async () => {
    const direct = `${stack.urls.alerts}/graphql`;
    expect(errorCodes(await graphql(direct, ALERTS))).toEqual(['UNAUTHENTICATED']);
    // The same claims with one signature character changed.
    const forged = {
      token: managerA.token.replace(
        /\.(.)([^.]*)$/,
        (_m, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`,
      ),
    };
    expect(errorCodes(await graphql(direct, ALERTS, {}, forged))).toEqual(['UNAUTHENTICATED']);
    const alerts = expectData(await graphql<{ alerts: AlertView[] }>(direct, ALERTS, {}, managerB));
    expect(alerts.alerts.map((a) => a.id)).toEqual([ids.b]);
  });

  it('reports live, ready (MySQL and Redis) and Prometheus metrics', async () => {
    const base = stack.urls.alerts!;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(
      ((await ready.json()) as { checks: Array<{ name: string }> }).checks.map((c) => c.name),
    ).toEqual(['mysql', 'redis']);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    // Labelled by the root field the subgraph's schema knows, not the client's operation name.
    expect(metrics).toMatch(
      /graphql_requests_total\{[^}]*operation="query alerts"[^}]*service="alerts"/,
    );
  });
});
