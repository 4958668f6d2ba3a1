import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  applyEventOnce,
  consumeStream,
  ledgerEventsStream,
  parseLedgerEvent,
  processedEventsTable,
  type LedgerEvent,
} from '@poolgraph/events';
import {
  connectMysql,
  connectRedis,
  createLogger,
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
import { assertBooksBalance } from '../src/books.ts';
import { postContributionsInBulk } from '../src/bulk/index.ts';
import type { schema } from '../src/db/index.ts';
import { createPoster } from '../src/movements/lanes.ts';
import { createLedgerRelay } from '../src/events/relay.ts';
import { contributions, newPool, openLedgerDatabase } from './ledgerDb.ts';

const log = createLogger('ledger-test', 'silent');
let ledgerDb: TestDatabase;
let ledger: Mysql<typeof schema>;
let readModelDb: TestDatabase;
let readModel: Mysql<{ processedEvents: ReturnType<typeof processedEventsTable> }>;
let redis: RedisClient;
let prefix: string;
const prefixes: string[] = [];

beforeAll(async () => {
  ({ database: ledgerDb, mysql: ledger } = await openLedgerDatabase());
  readModelDb = await createTestDatabase('readmodel');
  readModel = connectMysql({ url: readModelDb.url }, { processedEvents: processedEventsTable() });
  await readModel.pool.query(
    'CREATE TABLE processed_events (event_id CHAR(36) PRIMARY KEY, processed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))',
  );
  await readModel.pool.query(
    'CREATE TABLE pool_totals (pool_id CHAR(36) PRIMARY KEY, contributed BIGINT NOT NULL, events INT NOT NULL)',
  );
  redis = connectRedis(TEST_REDIS_URL, log);
});

afterAll(async () => {
  for (const used of prefixes) {
    const keys = await redis.keys(`${used}*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
  await Promise.all([ledger.close(), readModel.close()]);
  await Promise.all([ledgerDb.drop(), readModelDb.drop()]);
});

/** Reads the ledger stream with a fresh consumer group until `count` entries arrived. */
async function consumeAll(
  count: number,
  handle: (event: LedgerEvent) => Promise<void> = async () => {},
) {
  const seen: LedgerEvent[] = [];
  const consumer = consumeStream({
    redis,
    stream: ledgerEventsStream(prefix),
    group: `test-${uuidv7()}`,
    consumer: 'one',
    parse: parseLedgerEvent,
    blockMs: 100,
    log,
    handle: async (event) => {
      await handle(event);
      seen.push(event);
    },
  });
  const deadline = Date.now() + 15_000;
  while (seen.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200)); // anything beyond `count` would show up here
  await consumer.stop();
  return seen;
}

async function transactionIds(): Promise<string[]> {
  const [rows] = await ledger.pool.query('SELECT id FROM transactions ORDER BY id');
  return (rows as Array<{ id: string }>).map((r) => r.id);
}

describe('the ledger outbox', () => {
  it('delivers every event exactly once by id when the relay starts after the postings committed', async () => {
    prefix = uniqueRedisPrefix('ledger');
    prefixes.push(prefix);
    const pools = [newPool(), newPool('EUR'), newPool('JPY')];
    const investors = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    // Posted while no relay runs (as if it had been killed right after these commits).
    const poster = createPoster(ledger.db, () => {});
    for (let n = 0; n < 20; n++) {
      await poster.post({
        actorId: investors[0]!,
        idempotencyKey: `single-${n}`,
        operation: 'contribute',
        requestHash: `hash-${n}`,
        pool: pools[0]!,
        moves: 'CONTRIBUTION',
        investorId: investors[0]!,
        amountMinor: 1000n,
        occurredAt: null,
        expiresAt: null,
      });
    }
    await postContributionsInBulk(ledger.db, contributions(pools, investors, 600), {
      actorId: uuidv7(),
      chunkSize: 250,
    });
    await assertBooksBalance(ledger.db);

    const relay = createLedgerRelay({
      pool: ledger.pool,
      redis,
      redisPrefix: prefix,
      log,
      pollIntervalMs: 50,
    });
    relay.start();
    const events = await consumeAll(620);
    await relay.stop();

    expect(events).toHaveLength(620);
    expect(new Set(events.map((e) => e.id)).size).toBe(620);
    expect(events.map((e) => e.payload.transactionId).sort()).toEqual(await transactionIds());
    // A pool's events arrive in posting order: its cash only grows with contributions.
    for (const pool of pools) {
      const cash = events
        .filter((e) => e.payload.poolId === pool.poolId)
        .map((e) => BigInt(e.payload.cashBalanceMinor));
      expect(cash).toEqual([...cash].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(events.find((e) => e.payload.poolId === pool.poolId)?.payload.currency).toBe(
        pool.currency,
      );
    }
  });

  it('gives exactly-once effects when the relay crashes after XADD and before marking events published', async () => {
    prefix = uniqueRedisPrefix('ledger');
    prefixes.push(prefix);
    const pool = newPool();
    const items = contributions([pool], [uuidv7(), uuidv7()], 40);
    await postContributionsInBulk(ledger.db, items, { actorId: uuidv7() });
    const crashing = createLedgerRelay({
      pool: ledger.pool,
      redis,
      redisPrefix: prefix,
      log,
      afterPublish: async () => {
        throw new Error('relay killed after XADD');
      },
    });
    await expect(crashing.publishPending()).rejects.toThrow('relay killed');
    const restarted = createLedgerRelay({ pool: ledger.pool, redis, redisPrefix: prefix, log });
    expect(await restarted.publishPending()).toBe(40);
    expect(await redis.xlen(ledgerEventsStream(prefix))).toBe(80);

    const apply = (event: LedgerEvent) =>
      applyEventOnce(readModel.db, event.id, async (tx) => {
        await tx.execute(sql`INSERT INTO pool_totals (pool_id, contributed, events)
          VALUES (${event.payload.poolId}, ${event.payload.amountMinor}, 1)
          ON DUPLICATE KEY UPDATE contributed = contributed + VALUES(contributed), events = events + 1`);
      }).then(() => undefined);
    expect(await consumeAll(80, apply)).toHaveLength(80);

    const [rows] = await readModel.pool.query(
      'SELECT contributed, events FROM pool_totals WHERE pool_id = ?',
      [pool.poolId],
    );
    const expected = items.reduce((sum, item) => sum + item.amountMinor, 0n);
    expect(rows).toEqual([{ contributed: String(expected), events: 40 }]);
  });
});
