import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, uuidv7, type Mysql, type RedisClient } from '@poolgraph/platform';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { consumeStream, createOutboxRelay } from '../src/index.ts';
import { eventually, log, openTestTables, writeEvents, type schema } from './helpers.ts';

let database: TestDatabase;
let mysql: Mysql<typeof schema>;
let redis: RedisClient;
let prefix: string;

beforeAll(async () => {
  database = await createTestDatabase('events_retention');
  mysql = await openTestTables(database.url);
  redis = connectRedis(TEST_REDIS_URL, log);
  prefix = uniqueRedisPrefix('retention');
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await mysql.close();
  await database.drop();
});

async function countRows(where: string, table = 'outbox'): Promise<number> {
  const [rows] = await mysql.pool.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${where}`);
  return Number((rows as Array<{ n: unknown }>)[0]?.n);
}

/** `count` entries added to the stream as the relay writes them; their stream ids in order. */
async function addEntries(stream: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const event = { id: uuidv7(), type: 'TestHappened', occurredAt: new Date(), payload: { n } };
    ids.push((await redis.xadd(stream, '*', 'event', JSON.stringify(event)))!);
  }
  return ids;
}

/** Delivers up to `count` new entries to `group` (one consumer) and returns their ids. */
async function deliver(stream: string, group: string, count: number): Promise<string[]> {
  const reply = (await redis.xreadgroup(
    'GROUP',
    group,
    'worker',
    'COUNT',
    count,
    'STREAMS',
    stream,
    '>',
  )) as Array<[string, Array<[string, string[]]>]> | null;
  return (reply?.[0]?.[1] ?? []).map(([id]) => id);
}

const streamIds = async (stream: string) =>
  (await redis.xrange(stream, '-', '+')).map(([id]) => id);

const relayFor = (stream: string) => createOutboxRelay({ pool: mysql.pool, redis, stream, log });

describe('purging published outbox rows', () => {
  it('deletes every row published before the retention in one call, above 10,000 rows, and never an unpublished one', async () => {
    await mysql.pool.query(
      `INSERT INTO outbox (id, type, aggregate_id, payload, occurred_at, created_at, published_at)
       SELECT UUID(), 'TestHappened', 'old', '{}', NOW(3) - INTERVAL 3 HOUR,
              NOW(3) - INTERVAL 3 HOUR, NOW(3) - INTERVAL 2 HOUR
       FROM seq_1_to_25001`,
    );
    await mysql.pool.query(
      `INSERT INTO outbox (id, type, aggregate_id, payload, occurred_at, published_at)
       VALUES (UUID(), 'TestHappened', 'recent', '{}', NOW(3), NOW(3) - INTERVAL 5 MINUTE)`,
    );
    // Unpublished rows written long ago: their age never makes them eligible.
    await writeEvents(mysql, 'waiting', 3);
    await mysql.pool.query(
      "UPDATE outbox SET created_at = NOW(3) - INTERVAL 1 DAY WHERE aggregate_id = 'waiting'",
    );

    const relay = relayFor(`${prefix}purge`);
    expect(await relay.purgePublished(60 * 60_000)).toBe(25_001);

    expect(await countRows("aggregate_id = 'old'")).toBe(0);
    expect(await countRows("aggregate_id = 'recent'")).toBe(1);
    expect(await countRows("aggregate_id = 'waiting' AND published_at IS NULL")).toBe(3);
    expect(await relay.purgePublished(60 * 60_000)).toBe(0);
  });
});

describe('trimming the stream below what consumer groups acknowledged', () => {
  it('removes only entries every group acknowledged, and the rest once the slow group acknowledges them', async () => {
    const stream = `${prefix}two-groups`;
    const ids = await addEntries(stream, 10);
    await redis.xgroup('CREATE', stream, 'fast', '0');
    await redis.xgroup('CREATE', stream, 'slow', '0');
    await redis.xack(stream, 'fast', ...(await deliver(stream, 'fast', 10)));
    await redis.xack(stream, 'slow', ...(await deliver(stream, 'slow', 4)));
    const relay = relayFor(stream);

    expect(await relay.trimAcknowledged()).toBe(4);
    // The six the slow group was never given are all still there.
    expect(await streamIds(stream)).toEqual(ids.slice(4));

    await redis.xack(stream, 'slow', ...(await deliver(stream, 'slow', 10)));
    expect(await relay.trimAcknowledged()).toBe(6);
    expect(await redis.xlen(stream)).toBe(0);
  });

  it('keeps an entry that was delivered but not acknowledged, and everything after it', async () => {
    const stream = `${prefix}pending`;
    const ids = await addEntries(stream, 5);
    await redis.xgroup('CREATE', stream, 'reader', '0');
    const delivered = await deliver(stream, 'reader', 5);
    await redis.xack(stream, 'reader', delivered[0]!, delivered[1]!, delivered[3]!, delivered[4]!);
    const relay = relayFor(stream);

    expect(await relay.trimAcknowledged()).toBe(2);
    expect(await streamIds(stream)).toEqual(ids.slice(2));

    await redis.xack(stream, 'reader', delivered[2]!);
    expect(await relay.trimAcknowledged()).toBe(3);
    expect(await redis.xlen(stream)).toBe(0);
  });

  it('never trims a stream that no consumer group reads yet', async () => {
    const stream = `${prefix}no-group`;
    await addEntries(stream, 5);
    expect(await relayFor(stream).trimAcknowledged()).toBe(0);
    expect(await redis.xlen(stream)).toBe(5);
    expect(await relayFor(`${prefix}no-stream`).trimAcknowledged()).toBe(0);
  });

  it('purges and trims on its own while running, behind a consumer group that handled every event', async () => {
    const stream = `${prefix}running`;
    await mysql.pool.query('CREATE TABLE outbox_running LIKE outbox');
    const handled: string[] = [];
    const consumer = consumeStream({
      redis,
      log,
      stream,
      group: 'reader',
      consumer: 'one',
      blockMs: 100,
      handle: async (event) => {
        handled.push(event.id);
      },
    });
    const relay = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      table: 'outbox_running',
      pollIntervalMs: 50,
      retainPublishedMs: 0,
      purgeIntervalMs: 100,
      trimIntervalMs: 100,
    });
    relay.start();
    try {
      const ids = Array.from({ length: 20 }, () => uuidv7());
      await mysql.pool.query(
        'INSERT INTO outbox_running (id, type, aggregate_id, payload, occurred_at) VALUES ?',
        [ids.map((id, n) => [id, 'TestHappened', 'running', JSON.stringify({ n }), new Date()])],
      );
      relay.notify();
      await eventually(async () => {
        expect(handled).toEqual(ids);
        expect(await redis.xlen(stream)).toBe(0);
        expect(await countRows('TRUE', 'outbox_running')).toBe(0);
      });
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });
});
