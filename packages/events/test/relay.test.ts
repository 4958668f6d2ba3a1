import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, Registry, uuidv7, type Mysql, type RedisClient } from '@poolgraph/platform';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { createOutboxRelay, parseDomainEvent } from '../src/index.ts';
import { eventually, log, openTestTables, writeEvents, type schema } from './helpers.ts';

let database: TestDatabase;
let mysql: Mysql<typeof schema>;
let redis: RedisClient;
let prefix: string;

beforeAll(async () => {
  database = await createTestDatabase('events');
  mysql = await openTestTables(database.url);
  redis = connectRedis(TEST_REDIS_URL, log);
  prefix = uniqueRedisPrefix('events');
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await mysql.close();
  await database.drop();
});

async function streamEventIds(stream: string): Promise<string[]> {
  const entries = await redis.xrange(stream, '-', '+');
  return entries.map(([, fields]) => parseDomainEvent(fields[1]).id);
}

/** A relay metric's value for one stream, as /metrics shows it. */
async function gaugeOf(registry: Registry, name: string, stream: string) {
  const metric = await registry.getSingleMetric(name)!.get();
  return metric.values.find((v) => v.labels.stream === stream)?.value;
}

async function unpublishedCount(aggregateId?: string): Promise<number> {
  const [rows] = await mysql.pool.query(
    `SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL${aggregateId ? ' AND aggregate_id = ?' : ''}`,
    [aggregateId],
  );
  return Number((rows as Array<{ n: unknown }>)[0]?.n);
}

describe('outbox relay', () => {
  it('publishes pending events to the stream in order, then marks them published', async () => {
    const stream = `${prefix}ordered`;
    const ids = await writeEvents(mysql, uuidv7(), 5);
    const relay = createOutboxRelay({ pool: mysql.pool, redis, stream, log });
    expect(await relay.publishPending()).toBe(5);
    expect(await streamEventIds(stream)).toEqual(ids);
    expect(await unpublishedCount()).toBe(0);
    expect(await relay.publishPending()).toBe(0);
  });

  it('delivers events written while it was stopped once it starts, each exactly once', async () => {
    const stream = `${prefix}restart`;
    const ids = await writeEvents(mysql, uuidv7(), 30);
    const relay = createOutboxRelay({ pool: mysql.pool, redis, stream, log, pollIntervalMs: 50 });
    relay.start();
    await eventually(async () => expect(await streamEventIds(stream)).toEqual(ids));
    const more = await writeEvents(mysql, uuidv7(), 3);
    relay.notify();
    await eventually(async () => expect(await streamEventIds(stream)).toEqual([...ids, ...more]));
    await relay.stop();
  });

  it('republishes events when it crashes between XADD and marking them published', async () => {
    const stream = `${prefix}crash`;
    const ids = await writeEvents(mysql, uuidv7(), 4);
    const crashing = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      afterPublish: async () => {
        throw new Error('killed');
      },
    });
    await expect(crashing.publishPending()).rejects.toThrow('killed');
    expect(await unpublishedCount()).toBe(4);

    const restarted = createOutboxRelay({ pool: mysql.pool, redis, stream, log });
    expect(await restarted.publishPending()).toBe(4);
    // At least once: the stream holds each event twice; consumers deduplicate by id.
    expect(await streamEventIds(stream)).toEqual([...ids, ...ids]);
    expect(await unpublishedCount()).toBe(0);
  });

  it('lets only one of several relays publish at a time, so no event is published twice', async () => {
    const stream = `${prefix}replicas`;
    const aggregate = uuidv7();
    const relays = Array.from({ length: 4 }, () =>
      createOutboxRelay({ pool: mysql.pool, redis, stream, log, batchSize: 7 }),
    );
    const written: string[] = [];
    for (let round = 0; round < 10; round++) {
      written.push(...(await writeEvents(mysql, aggregate, 5)));
      await Promise.all(relays.map((relay) => relay.publishPending()));
    }
    while ((await relays[0]!.publishPending()) > 0);
    expect(await streamEventIds(stream)).toEqual(written);
  });

  it('keeps events unpublished while Redis is unreachable and publishes them afterwards', async () => {
    const stream = `${prefix}outage`;
    const ids = await writeEvents(mysql, uuidv7(), 2);
    const down = connectRedis('redis://127.0.0.1:1', log, 'down');
    const relay = createOutboxRelay({ pool: mysql.pool, redis: down, stream, log });
    await expect(relay.publishPending()).rejects.toThrow();
    down.disconnect();
    expect(await unpublishedCount()).toBe(2);
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    expect(await streamEventIds(stream)).toEqual(ids);
  });

  it('says on /metrics which process holds the relay lock: 1 during its pass, and when it last took it', async () => {
    const stream = `${prefix}lock-gauge`;
    await writeEvents(mysql, uuidv7(), 2);
    const registry = new Registry();
    const gauge = (name: string) => gaugeOf(registry, name, stream);
    let duringPass: number | undefined;
    const before = Date.now() / 1000;
    const relay = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      registry,
      afterPublish: async () => {
        duringPass = await gauge('outbox_relay_lock_held');
      },
    });
    expect(await gauge('outbox_relay_lock_held')).toBe(0);
    expect(await relay.publishPending()).toBeGreaterThan(0);
    expect(duringPass).toBe(1);
    expect(await gauge('outbox_relay_lock_held')).toBe(0);
    expect(await gauge('outbox_relay_lock_taken_seconds')).toBeGreaterThanOrEqual(before);
  });

  it('keeps its lock across back-to-back batches while commits keep waking it', async () => {
    const stream = `${prefix}busy`;
    const aggregate = uuidv7();
    const written = await writeEvents(mysql, aggregate, 3);
    const registry = new Registry();
    const takenAt: number[] = [];
    const relay = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      registry,
      pollIntervalMs: 60_000, // only wake-ups, never a poll, start the later batches
      afterPublish: async () => {
        takenAt.push((await gaugeOf(registry, 'outbox_relay_lock_taken_seconds', stream))!);
        if (takenAt.length === 4) return;
        written.push(...(await writeEvents(mysql, aggregate, 2)));
        relay.notify(); // a commit during the batch, after its read
      },
    });
    relay.start();
    // The fourth batch writes nothing more; until it has run, the stream can match `written`
    // between a batch's XADD and its afterPublish adding the next rows.
    await eventually(async () => {
      expect(takenAt).toHaveLength(4);
      expect(await streamEventIds(stream)).toEqual(written);
    });
    await relay.stop();
    expect(written).toHaveLength(9);
    expect(takenAt).toHaveLength(4);
    expect(new Set(takenAt).size).toBe(1); // one GET_LOCK for the four batches
    expect(await unpublishedCount(aggregate)).toBe(0); // marked before the lock was released
  });

  it("keeps its lock across a steady producer's gaps shorter than holdIdleMs, and releases it between them by default", async () => {
    /** How many times a relay took its lock while 4 commits came 80 ms apart. */
    const locksTaken = async (holdIdleMs: number | undefined) => {
      const stream = `${prefix}paced-${holdIdleMs ?? 'default'}`;
      const aggregate = uuidv7();
      const registry = new Registry();
      const takenAt = new Set<number>();
      const relay = createOutboxRelay({
        pool: mysql.pool,
        redis,
        stream,
        log,
        registry,
        holdIdleMs,
        pollIntervalMs: 60_000,
        afterPublish: async () => {
          takenAt.add((await gaugeOf(registry, 'outbox_relay_lock_taken_seconds', stream))!);
        },
      });
      relay.start();
      const written: string[] = [];
      for (let n = 0; n < 4; n++) {
        written.push(...(await writeEvents(mysql, aggregate, 1)));
        relay.notify();
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
      await eventually(async () => expect(await streamEventIds(stream)).toEqual(written));
      await relay.stop();
      expect(await unpublishedCount(aggregate)).toBe(0);
      return takenAt.size;
    };
    expect(await locksTaken(400)).toBe(1);
    expect(await locksTaken(undefined)).toBeGreaterThan(1);
  });

  it('does not republish what earlier batches of the same lock sent when a later batch fails', async () => {
    const stream = `${prefix}fail-mid-run`;
    const aggregate = uuidv7();
    const first = await writeEvents(mysql, aggregate, 2);
    const second: string[] = [];
    let batches = 0;
    const relay = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      pollIntervalMs: 50,
      afterPublish: async () => {
        batches++;
        if (batches === 1) {
          second.push(...(await writeEvents(mysql, aggregate, 2)));
          relay.notify();
        } else if (batches === 2) throw new Error('killed'); // after the second batch's XADD
      },
    });
    relay.start();
    await eventually(async () => expect(await unpublishedCount(aggregate)).toBe(0));
    await relay.stop();
    expect(await streamEventIds(stream)).toEqual([...first, ...second, ...second]);
  });

  it('publishes every replica’s commits once and in order while two running relays take turns', async () => {
    const stream = `${prefix}running-replicas`;
    const aggregate = uuidv7();
    const relays = [0, 1].map(() =>
      createOutboxRelay({
        pool: mysql.pool,
        redis,
        stream,
        log,
        batchSize: 4,
        pollIntervalMs: 60_000,
      }),
    );
    for (const relay of relays) relay.start();
    const written: string[] = [];
    for (let commit = 0; commit < 40; commit++) {
      written.push(...(await writeEvents(mysql, aggregate, 3)));
      relays[commit % 2]!.notify();
    }
    await eventually(async () => expect(await streamEventIds(stream)).toEqual(written));
    await Promise.all(relays.map((relay) => relay.stop()));
  });
});
