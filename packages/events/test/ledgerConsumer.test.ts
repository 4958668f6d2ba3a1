import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connectRedis, Registry, uuidv7, type Mysql, type RedisClient } from '@poolgraph/platform';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import {
  applyLedgerEvents,
  consumeLedgerEvents,
  ledgerEventsStream,
  type LedgerEvent,
  type LedgerEventHandler,
} from '../src/index.ts';
import { eventually, log, openTestTables, type schema } from './helpers.ts';

let database: TestDatabase;
let mysql: Mysql<typeof schema>;
let redis: RedisClient;

beforeAll(async () => {
  database = await createTestDatabase('ledgerconsumer');
  mysql = await openTestTables(database.url);
  redis = connectRedis(TEST_REDIS_URL, log);
});

afterAll(async () => {
  await redis.quit();
  await mysql.close();
  await database.drop();
});

type Tx = Parameters<Parameters<typeof mysql.db.transaction>[0]>[0];

function posted(type: LedgerEvent['payload']['type'] = 'CONTRIBUTION'): LedgerEvent {
  return {
    id: uuidv7(),
    type: 'TransactionPosted',
    occurredAt: new Date().toISOString(),
    payload: {
      transactionId: uuidv7(),
      poolId: 'pool',
      investorId: 'investor',
      type,
      amountMinor: '100',
      currency: 'USD',
      cashBalanceMinor: '100',
    },
  };
}

/** A handler that records one effect row per event and counts its transactions. */
function recorder(group: string, accepts?: (event: LedgerEvent) => boolean) {
  const reads: number[] = [];
  const handler: LedgerEventHandler<Tx> = {
    group,
    accepts,
    apply: async (tx, events) => {
      reads.push(events.length);
      for (const event of events) {
        await tx.execute(
          sql`INSERT INTO effects (event_id, aggregate_id) VALUES (${event.id}, ${group})`,
        );
      }
    },
  };
  return { handler, reads };
}

async function effectsOf(group: string): Promise<string[]> {
  const [rows] = await mysql.pool.query('SELECT event_id FROM effects WHERE aggregate_id = ?', [
    group,
  ]);
  return (rows as Array<{ event_id: string }>).map((r) => r.event_id).sort();
}

const pending = async (stream: string, group: string) =>
  Number(((await redis.xpending(stream, group)) as [number])[0]);

describe('consumeLedgerEvents', () => {
  it('applies a read in one transaction, each event once although some were delivered twice', async () => {
    const prefix = uniqueRedisPrefix('ledgerconsumer');
    const stream = ledgerEventsStream(prefix);
    const events = [posted(), posted(), posted()];
    for (const event of [...events, ...events]) {
      await redis.xadd(stream, '*', 'event', JSON.stringify(event));
    }
    const { handler, reads } = recorder('once');
    const registry = new Registry();
    const consumer = consumeLedgerEvents({
      redis,
      redisPrefix: prefix,
      consumer: 'one',
      db: mysql.db,
      handler,
      registry,
      log,
    });
    await eventually(async () => expect(await pending(stream, 'once')).toBe(0));
    await consumer.stop();
    expect(reads).toEqual([3]);
    expect(await effectsOf('once')).toEqual(events.map((e) => e.id).sort());
    const consumed = await registry.getSingleMetric('ledger_events_consumed_total')!.get();
    const count = (outcome: string) =>
      consumed.values.find((v) => v.labels.outcome === outcome)?.value;
    expect([count('applied'), count('duplicate')]).toEqual([3, 3]);
    const hops = (await registry.getMetricsAsJSON()).find((m) => m.name === 'event_hop_seconds');
    const timed = (hops?.values ?? []).find(
      (v) =>
        v.labels.hop === 'stream_to_applied' &&
        (v as { metricName?: string }).metricName === 'event_hop_seconds_count',
    );
    expect(timed?.value).toBe(6);
    await redis.del(stream);
  });

  it('acknowledges what the handler does not accept, and unknown types, without a transaction', async () => {
    const prefix = uniqueRedisPrefix('ledgerconsumer');
    const stream = ledgerEventsStream(prefix);
    const contribution = posted();
    const unknown = { ...posted(), type: 'SomethingNew' };
    for (const event of [posted('DISTRIBUTION'), unknown, contribution]) {
      await redis.xadd(stream, '*', 'event', JSON.stringify(event));
    }
    const { handler, reads } = recorder('picky', (e) => e.payload.type === 'CONTRIBUTION');
    const consumer = consumeLedgerEvents({
      redis,
      redisPrefix: prefix,
      consumer: 'one',
      db: mysql.db,
      handler,
      log,
    });
    await eventually(async () => expect(await pending(stream, 'picky')).toBe(0));
    await consumer.stop();
    expect(reads).toEqual([1]);
    expect(await effectsOf('picky')).toEqual([contribution.id]);
    // Only the accepted event was claimed: nothing else cost a processed_events row.
    const [rows] = await mysql.pool.query(
      'SELECT COUNT(*) AS n FROM processed_events WHERE event_id = ?',
      [unknown.id],
    );
    expect(Number((rows as Array<{ n: unknown }>)[0]!.n)).toBe(0);
    await redis.del(stream);
  });

  it('applies an event once when twenty deliveries of it race', async () => {
    const event = posted();
    const { handler } = recorder('race');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => applyLedgerEvents(mysql.db, handler, [event])),
    );
    expect(outcomes.reduce((sum, o) => sum + o.applied, 0)).toBe(1);
    expect(outcomes.reduce((sum, o) => sum + o.duplicates, 0)).toBe(19);
    expect(await effectsOf('race')).toEqual([event.id]);
  });

  it('takes a busy stream in fuller reads (lingerMs), each event once and in order', async () => {
    const prefix = uniqueRedisPrefix('ledgerconsumer');
    const stream = ledgerEventsStream(prefix);
    const order: string[] = [];
    const { handler, reads } = recorder('linger');
    const consumer = consumeLedgerEvents({
      redis,
      redisPrefix: prefix,
      consumer: 'one',
      db: mysql.db,
      handler: {
        ...handler,
        lingerMs: 50,
        apply: async (tx, events) => {
          order.push(...events.map((e) => e.id));
          await handler.apply(tx, events);
        },
      },
      log,
    });
    // 200 events, one every ~2 ms: without the linger nearly every one is a read of its own.
    const events = Array.from({ length: 200 }, () => posted());
    for (const event of events) {
      await redis.xadd(stream, '*', 'event', JSON.stringify(event));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await eventually(async () => expect(await pending(stream, 'linger')).toBe(0), 20_000);
    await eventually(async () => expect(order).toHaveLength(200), 20_000);
    await consumer.stop();
    expect(order).toEqual(events.map((e) => e.id));
    expect(reads.length).toBeLessThanOrEqual(40);
    expect(await effectsOf('linger')).toEqual(events.map((e) => e.id).sort());
    await redis.del(stream);
  });

  it('applies a key repeated inside one batch once', async () => {
    const event = posted();
    const { handler, reads } = recorder('repeat');
    const outcome = await applyLedgerEvents(mysql.db, handler, [event, event, posted()]);
    expect(outcome).toEqual({ applied: 2, duplicates: 1, skipped: 0 });
    expect(reads).toEqual([2]);
  });
});
