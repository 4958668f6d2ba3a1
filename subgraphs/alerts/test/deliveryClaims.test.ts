import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql, migrateDatabase, type Mysql } from '@poolgraph/platform';
import { createTestDatabase, type TestDatabase } from '@poolgraph/testing';
import { migrationsFolder, schema } from '../src/db/index.ts';
import type { Claimed } from '../src/data/claimDue.ts';
import { recordAttempt, selectAttempts } from '../src/data/deliveryAttempts.ts';
import {
  claimDueNoticeDeliveries,
  insertNoticeDeliveries,
  recordNoticeAttempt,
  selectNoticeDeliveries,
} from '../src/data/noticeDeliveries.ts';
import {
  claimDuePartnerDeliveries,
  insertPartnerDeliveries,
  requeuePartnerDeliveries,
  selectPartnerDeliveryById,
} from '../src/data/partnerDeliveries.ts';

// The outboxes' claims against real MariaDB: what an attempt's outcome may overwrite.
let database: TestDatabase;
let mysql: Mysql<typeof schema>;

beforeAll(async () => {
  database = await createTestDatabase('alerts');
  mysql = connectMysql({ url: database.url }, schema);
  await migrateDatabase(mysql, migrationsFolder);
});

afterAll(async () => {
  await mysql?.close();
  await database?.drop();
});

/** A dispatcher's write after the partner answered 200 to the attempt `claim` made. */
const recordDelivered = (claim: Claimed & { id: string }) =>
  recordAttempt(
    mysql.db,
    {
      id: randomUUID(),
      notificationId: claim.id,
      attempt: 1,
      attemptedAt: new Date(),
      ok: true,
      statusCode: 200,
      error: null,
      durationMs: 5,
    },
    { status: 'DELIVERED', deliveredAt: new Date(), lastError: null, nextAttemptAt: new Date() },
    claim,
    'partner',
  );

describe('delivery claims', () => {
  it('sends a partner delivery again when it is redelivered while an attempt is on its way', async () => {
    const webhookId = randomUUID();
    const id = randomUUID();
    await insertPartnerDeliveries(mysql.db, [
      {
        id,
        webhookId,
        keyId: randomUUID(),
        eventId: randomUUID(),
        eventType: 'TRANSACTION_POSTED',
        poolId: randomUUID(),
        payload: { amount: '1.00' },
        occurredAt: new Date(),
      },
    ]);
    const [claimed] = await claimDuePartnerDeliveries(mysql.db, { limit: 10, leaseMs: 30_000 });
    expect(claimed?.id).toBe(id);
    // The partner's server answered 200; before the dispatcher writes so, the owner redelivers.
    expect(await requeuePartnerDeliveries(mysql.db, webhookId, { id }, new Date())).toBe(1);
    await recordDelivered(claimed!);
    // The attempt is in the log; the redelivery still stands.
    expect((await selectAttempts(mysql.db, [id])).map((a) => a.ok)).toEqual([true]);
    expect(await selectPartnerDeliveryById(mysql.db, id)).toMatchObject({
      status: 'PENDING',
      attempts: 0,
    });

    const [again] = await claimDuePartnerDeliveries(mysql.db, { limit: 10, leaseMs: 30_000 });
    expect(again?.id).toBe(id);
    await recordDelivered(again!);
    expect(await selectPartnerDeliveryById(mysql.db, id)).toMatchObject({
      status: 'DELIVERED',
      attempts: 1,
    });
  });

  it('writes a notice email’s outcome only for the claim that still holds it', async () => {
    const noticeId = randomUUID();
    const id = randomUUID();
    await insertNoticeDeliveries(mysql.db, [
      { id, noticeId, investorId: randomUUID(), channel: 'EMAIL' },
    ]);
    const start = Date.now() + 1_000;
    const [first] = await claimDueNoticeDeliveries(mysql.db, {
      limit: 10,
      leaseMs: 1_000,
      now: new Date(start),
    });
    // The first dispatcher outlived its lease: another one claims the row and sends it.
    const [second] = await claimDueNoticeDeliveries(mysql.db, {
      limit: 10,
      leaseMs: 1_000,
      now: new Date(start + 2_000),
    });
    expect([first?.id, second?.id]).toEqual([id, id]);
    const failed = {
      status: 'PENDING' as const,
      attempts: 1,
      lastError: 'refused',
      sentTo: 'ann@example.com',
      nextAttemptAt: new Date(start + 60_000),
      deliveredAt: null,
    };
    const sent = {
      ...failed,
      status: 'DELIVERED' as const,
      lastError: null,
      deliveredAt: new Date(),
    };
    await recordNoticeAttempt(mysql.db, second!, sent);
    // The first dispatcher's late failure does not undo the second one's delivery.
    await recordNoticeAttempt(mysql.db, first!, failed);
    expect(await selectNoticeDeliveries(mysql.db, [noticeId])).toMatchObject([
      { id, status: 'DELIVERED', attempts: 1, lastError: null },
    ]);
  });
});
