import { eq } from 'drizzle-orm';
import { connectMysql, uuidv7, type Mysql } from '@poolgraph/platform';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlerts, type NewAlert } from '../src/data/alerts.ts';
import { schema } from '../src/db/index.ts';
import { ALERT_FIELDS, alertFixture, type AlertView } from './fixtures.ts';

const ACKNOWLEDGE = `mutation Acknowledge($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT_FIELDS} } }`;

describe('acknowledgeAlert', () => {
  let stack: Stack;
  let mysql: Mysql<typeof schema>;
  let manager: TestUser;
  let otherManager: TestUser;
  let investor: TestUser;
  let admin: TestUser;
  const poolId = uuidv7();

  beforeAll(async () => {
    stack = await startStack();
    [manager, otherManager, investor, admin] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
      stack.admin(),
    ]);
    mysql = connectMysql({ url: stack.databases.alerts!.url }, schema);
  });

  afterAll(async () => {
    await mysql?.close();
    await stack?.stop();
  });

  /** Raises an alert on the manager's pool straight into the alerts database. */
  async function raise(overrides: Partial<NewAlert> = {}): Promise<string> {
    const alert = alertFixture({ poolId, managerId: manager.userId, ...overrides });
    await insertAlerts(mysql.db, [alert]);
    return alert.id;
  }

  async function storedRow(id: string) {
    const [row] = await mysql.db.select().from(schema.alerts).where(eq(schema.alerts.id, id));
    return row;
  }

  const acknowledge = (id: string, user?: TestUser) =>
    graphql<{ acknowledgeAlert: AlertView }>(stack.gatewayUrl, ACKNOWLEDGE, { id }, user ?? {});

  it("lets the pool's manager acknowledge an open alert, recording who and when", async () => {
    const id = await raise();
    const before = Date.now();
    const { acknowledgeAlert } = expectData(await acknowledge(id, manager));
    expect(acknowledgeAlert).toMatchObject({ id, status: 'ACKNOWLEDGED', pool: { id: poolId } });
    const row = await storedRow(id);
    expect(row?.acknowledgedBy).toBe(manager.userId);
    expect(row?.acknowledgedAt?.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("lets an admin acknowledge any pool's alert", async () => {
    const id = await raise();
    expect(expectData(await acknowledge(id, admin)).acknowledgeAlert.status).toBe('ACKNOWLEDGED');
    expect((await storedRow(id))?.acknowledgedBy).toBe(admin.userId);
  });

  it('rejects an alert that is not OPEN with BAD_USER_INPUT and changes nothing', async () => {
    for (const status of ['ACKNOWLEDGED', 'RESOLVED'] as const) {
      const id = await raise({ status });
      const response = await acknowledge(id, manager);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain(`the alert is ${status}`);
      expect(await storedRow(id)).toMatchObject({
        status,
        acknowledgedBy: null,
        acknowledgedAt: null,
      });
    }
  });

  it('forbids another manager and an investor, leaving the alert OPEN', async () => {
    const id = await raise();
    for (const user of [otherManager, investor]) {
      expect(errorCodes(await acknowledge(id, user))).toEqual(['FORBIDDEN']);
    }
    expect(await storedRow(id)).toMatchObject({ status: 'OPEN', acknowledgedBy: null });
  });

  it('requires sign-in', async () => {
    const id = await raise();
    expect(errorCodes(await acknowledge(id))).toEqual(['UNAUTHENTICATED']);
    expect((await storedRow(id))?.status).toBe('OPEN');
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    expect(errorCodes(await acknowledge(uuidv7(), admin))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await acknowledge("x' OR '1'='1", admin))).toEqual(['NOT_FOUND']);
  });

  it('acknowledges once when two requests race for the same alert', async () => {
    const id = await raise();
    const results = await Promise.all([acknowledge(id, manager), acknowledge(id, admin)]);
    const codes = results.map((r) => errorCodes(r)[0] ?? 'OK').sort();
    expect(codes).toEqual(['BAD_USER_INPUT', 'OK']);
    const winner = results.find((r) => !r.errors)!;
    expect((await storedRow(id))?.acknowledgedBy).toBe(
      winner === results[0] ? manager.userId : admin.userId,
    );
  });
});
