import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  connectRedis,
  isLockConflict,
  uuidv7,
  type Mysql,
  type RedisClient,
} from '@poolgraph/platform';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import {
  applyEventOnce,
  claimNew,
  consumeStream,
  createOutboxRelay,
  type ConsumeStreamOptions,
  type DomainEvent,
} from '../src/index.ts';
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

/** The handler a read model would have: one effect row per event, applied once by id. */
const recordEffect = (event: DomainEvent) =>
  applyEventOnce(mysql.db, event.id, async (tx) => {
    await tx.execute(sql`INSERT INTO effects (event_id, aggregate_id) VALUES (${event.id}, 'x')`);
  });

async function effectCounts(): Promise<Map<string, number>> {
  const [rows] = await mysql.pool.query(
    'SELECT event_id, COUNT(*) AS n FROM effects GROUP BY event_id',
  );
  return new Map(
    (rows as Array<{ event_id: string; n: unknown }>).map((r) => [r.event_id, Number(r.n)]),
  );
}

async function pendingCount(stream: string, group: string): Promise<number> {
  const summary = (await redis.xpending(stream, group)) as [number, ...unknown[]];
  return Number(summary[0]);
}

/** A consumer that records each event it handles (recordEffect) and lists their ids in `seen`. */
function recordingConsumer(options: Omit<ConsumeStreamOptions<DomainEvent>, 'handle' | 'log'>) {
  const seen: string[] = [];
  const consumer = consumeStream({
    ...options,
    log,
    handle: async (event) => {
      seen.push(event.id);
      await recordEffect(event);
    },
  });
  return { seen, consumer };
}

/** recordEffect for a whole read: one transaction, each event once (claimNew). */
const recordEffects = (events: DomainEvent[]) =>
  mysql.db.transaction(async (tx) => {
    const fresh = await claimNew(
      tx,
      events.map((e) => e.id),
    );
    for (const id of fresh) {
      await tx.execute(sql`INSERT INTO effects (event_id, aggregate_id) VALUES (${id}, 'x')`);
    }
  });

describe('consumeStream', () => {
  it('applies a read in one batch, each event once although some were published twice', async () => {
    const stream = `${prefix}batch`;
    const ids = await writeEvents(mysql, uuidv7(), 5);
    const crashing = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      afterPublish: async () => {
        throw new Error('killed after XADD');
      },
    });
    await expect(crashing.publishPending()).rejects.toThrow();
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    const batches: number[] = [];
    const consumer = consumeStream({
      redis,
      stream,
      group: 'batched',
      consumer: 'one',
      log,
      handle: async () => {
        throw new Error('not used while batches succeed');
      },
      handleBatch: async (events) => {
        batches.push(events.length);
        await recordEffects(events);
      },
    });
    await eventually(async () => expect(await pendingCount(stream, 'batched')).toBe(0));
    await consumer.stop();
    expect(batches).toEqual([10]);
    const counts = await effectCounts();
    for (const id of ids) expect(counts.get(id)).toBe(1);
  });

  it('handles the events of a failed batch one by one, so one bad event holds up no other', async () => {
    const stream = `${prefix}poison`;
    const ids = await writeEvents(mysql, uuidv7(), 4);
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    const poison = ids[1]!;
    const consumer = consumeStream({
      redis,
      stream,
      group: 'poisoned',
      consumer: 'one',
      claimIdleMs: 60_000,
      log,
      handle: async (event) => {
        if (event.id === poison) throw new Error('cannot apply this one');
        await recordEffect(event);
      },
      handleBatch: async () => {
        throw new Error('the batch contains a bad event');
      },
    });
    await eventually(async () => expect(await pendingCount(stream, 'poisoned')).toBe(1));
    await consumer.stop();
    const counts = await effectCounts();
    expect(ids.filter((id) => counts.get(id) === 1)).toEqual(ids.filter((id) => id !== poison));
  });

  it('applies every event exactly once although a crashed relay published some twice', async () => {
    const stream = `${prefix}exactly-once`;
    const ids = await writeEvents(mysql, uuidv7(), 6);
    const crashing = createOutboxRelay({
      pool: mysql.pool,
      redis,
      stream,
      log,
      afterPublish: async () => {
        throw new Error('killed after XADD');
      },
    });
    await expect(crashing.publishPending()).rejects.toThrow();
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    expect(await redis.xlen(stream)).toBe(12);

    const { seen, consumer } = recordingConsumer({
      redis,
      stream,
      group: 'read-model',
      consumer: 'one',
    });
    await eventually(async () => expect(seen).toHaveLength(12));
    await consumer.stop();

    const counts = await effectCounts();
    for (const id of ids) expect(counts.get(id)).toBe(1);
    expect(await pendingCount(stream, 'read-model')).toBe(0);
  });

  it('runs a handler InnoDB chose as a deadlock victim again at once, instead of after claimIdleMs', async () => {
    const stream = `${prefix}deadlock`;
    const [id] = await writeEvents(mysql, uuidv7(), 1);
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    await mysql.pool.query('CREATE TABLE lock_rows (id INT PRIMARY KEY, n INT NOT NULL)');
    await mysql.pool.query('INSERT INTO lock_rows VALUES (1, 0), (2, 0)');
    const other = await mysql.pool.getConnection();
    let attempts = 0;
    const errors: unknown[] = [];
    const consumer = consumeStream({
      redis,
      stream,
      group: 'deadlocked',
      consumer: 'one',
      claimIdleMs: 60_000,
      log,
      handle: async (event) => {
        attempts += 1;
        try {
          await applyEventOnce(mysql.db, event.id, async (tx) => {
            await tx.execute(sql`SELECT n FROM lock_rows WHERE id = 1 FOR UPDATE`);
            if (attempts === 1) {
              // Another transaction, heavier (it changed more rows, so InnoDB rolls this one
              // back), holds row 2 and then wants row 1 while this one wants row 2.
              await other.query('BEGIN');
              await other.query('UPDATE lock_rows SET n = n + 1 WHERE id = 2');
              await other.query(
                'INSERT INTO effects VALUES (UUID(), "weight"), (UUID(), "weight")',
              );
              const theirs = other.query('UPDATE lock_rows SET n = n + 1 WHERE id = 1');
              await new Promise((resolve) => setTimeout(resolve, 200));
              await tx.execute(sql`SELECT n FROM lock_rows WHERE id = 2 FOR UPDATE`);
              await theirs;
            }
            await tx.execute(
              sql`INSERT INTO effects (event_id, aggregate_id) VALUES (${event.id}, 'x')`,
            );
          });
        } catch (error) {
          errors.push(error);
          // The heavier transaction got its lock once this one was rolled back.
          await other.query('COMMIT');
          throw error;
        }
      },
    });
    await eventually(async () => expect(await pendingCount(stream, 'deadlocked')).toBe(0), 10_000);
    await consumer.stop();
    other.release();
    expect(errors).toHaveLength(1);
    expect(isLockConflict(errors[0])).toBe(true);
    expect(attempts).toBe(2);
    expect((await effectCounts()).get(id!)).toBe(1);
  });

  it('retries an entry whose handler failed at once, then with backoff, not after claimIdleMs', async () => {
    const stream = `${prefix}retry`;
    const [id] = await writeEvents(mysql, uuidv7(), 1);
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    const attemptsAt: number[] = [];
    const consumer = consumeStream({
      redis,
      stream,
      group: 'flaky',
      consumer: 'one',
      claimIdleMs: 60_000,
      blockMs: 100,
      log,
      handle: async (event) => {
        attemptsAt.push(Date.now());
        // Redis or the database is away for a moment: three attempts fail.
        if (attemptsAt.length <= 3) throw new Error('database hiccup');
        await recordEffect(event);
      },
    });
    await eventually(async () => expect(attemptsAt).toHaveLength(4), 5_000);
    await eventually(async () => expect(await pendingCount(stream, 'flaky')).toBe(0));
    await consumer.stop();
    expect((await effectCounts()).get(id!)).toBe(1);
    // At once, then 200 ms later, then 400 ms later.
    const gaps = attemptsAt.slice(1).map((at, i) => at - attemptsAt[i]!);
    expect(gaps[1]).toBeGreaterThanOrEqual(180);
    expect(gaps[2]).toBeGreaterThanOrEqual(380);
  });

  it('handles entries whose read reply was lost with the connection, within a second', async () => {
    // Redis made the entry pending for this consumer, then the connection dropped before the
    // reply arrived (a Redis restart); ioredis resends the '>' read, which never returns it.
    const stream = `${prefix}lostreply`;
    const name = `consumer-${uuidv7()}`;
    const own = connectRedis(TEST_REDIS_URL, log, name);
    const { seen, consumer } = recordingConsumer({
      redis: own,
      stream,
      group: 'lost',
      consumer: 'one',
      claimIdleMs: 60_000,
      blockMs: 300,
    });
    const blockedId = async () => {
      const list = String(await redis.client('LIST'));
      const line = list
        .split('\n')
        .find((l) => l.includes(`name=${name} `) && /cmd=xreadgroup/.test(l));
      return /\bid=(\d+)/.exec(line ?? '')?.[1];
    };
    await eventually(async () => expect(await blockedId()).toBeDefined());
    await redis.client('KILL', 'ID', (await blockedId())!);
    // Within ioredis' 200 ms before reconnecting: the lost reply's entry, pending for "one".
    const [id] = await writeEvents(mysql, uuidv7(), 1);
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    await redis.xreadgroup('GROUP', 'lost', 'one', 'COUNT', 10, 'STREAMS', stream, '>');
    await eventually(async () => expect(seen).toEqual([id]), 3_000);
    await eventually(async () => expect(await pendingCount(stream, 'lost')).toBe(0));
    await consumer.stop();
    await own.quit();
  });

  it("reclaims a crashed consumer's pending entries in another consumer of the group", async () => {
    const stream = `${prefix}reclaim`;
    const ids = await writeEvents(mysql, uuidv7(), 3);
    await createOutboxRelay({ pool: mysql.pool, redis, stream, log }).publishPending();
    // A consumer that read the entries and died before acknowledging them.
    await redis.xgroup('CREATE', stream, 'workers', '0', 'MKSTREAM');
    await redis.xreadgroup('GROUP', 'workers', 'dead', 'COUNT', 10, 'STREAMS', stream, '>');
    expect(await pendingCount(stream, 'workers')).toBe(3);

    const { seen, consumer: survivor } = recordingConsumer({
      redis,
      stream,
      group: 'workers',
      consumer: 'alive',
      claimIdleMs: 100,
      blockMs: 100,
    });
    await eventually(async () => expect(seen.sort()).toEqual([...ids].sort()));
    await eventually(async () => expect(await pendingCount(stream, 'workers')).toBe(0));
    await survivor.stop();
  });

  it('drops a malformed entry instead of retrying it forever', async () => {
    const stream = `${prefix}malformed`;
    await redis.xadd(stream, '*', 'event', 'not json');
    const { seen, consumer } = recordingConsumer({
      redis,
      stream,
      group: 'strict',
      consumer: 'one',
      blockMs: 100,
    });
    await eventually(async () => expect(await pendingCount(stream, 'strict')).toBe(0));
    await consumer.stop();
    expect(seen).toEqual([]);
  });
});
