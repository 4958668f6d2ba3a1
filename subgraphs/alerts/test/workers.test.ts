import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import {
  connectMysql,
  createLogger,
  keyringFromEnv,
  migrateDatabase,
  uuidv7,
  type Mysql,
} from '@poolgraph/platform';
import {
  createTestDatabase,
  deleteRedisKeys,
  eventually,
  nodeEntryArgs,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { ledgerEventsStream } from '@poolgraph/events';
import { migrationsFolder, schema } from '../src/db/index.ts';
import { alertsRaisedStream } from '../src/events/alertStream.ts';
import { upsertRule } from '../src/data/rules.ts';
import { startAlertsWorker, type AlertsWorker } from '../src/workers.ts';
import { publishContributions, publishPoolChanged } from './streams.ts';

// Workers against real MariaDB and Redis, fed the way the pools and ledger relays feed them.
const log = createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');
let database: TestDatabase;
let mysql: Mysql<typeof schema>;
let redis: Redis;
const prefix = uniqueRedisPrefix('alerts-workers');
const workers: AlertsWorker[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase('alerts');
  mysql = connectMysql({ url: database.url }, schema);
  await migrateDatabase(mysql, migrationsFolder);
  redis = new Redis(TEST_REDIS_URL);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.stop()));
  await mysql?.close();
  await database?.drop();
  await deleteRedisKeys(TEST_REDIS_URL, prefix);
  redis?.disconnect();
});

function worker(name: string) {
  const w = startAlertsWorker({
    db: mysql.db,
    pool: mysql.pool,
    redis,
    redisPrefix: prefix,
    log,
    consumerName: name,
    secrets: keyringFromEnv({ NODE_ENV: 'test' }),
    production: false,
    claimIdleMs: 1_000,
  });
  workers.push(w);
  return w;
}

async function counts(poolId: string) {
  const [[rows]] = (await mysql.db.execute(sql`
    SELECT COUNT(*) AS alerts, COUNT(DISTINCT source_event_id) AS sources FROM alerts WHERE pool_id = ${poolId}`)) as unknown as [
    [{ alerts: number; sources: number }],
  ];
  const [[processed]] = (await mysql.db.execute(
    sql`SELECT COUNT(*) AS n FROM processed_events`,
  )) as unknown as [[{ n: number }]];
  return {
    alerts: Number(rows!.alerts),
    sources: Number(rows!.sources),
    processed: Number(processed!.n),
  };
}

/**
 * What the relays published to `alerts.raised` for a pool: distinct AlertRaised event ids and
 * alert ids (a relay that dies after XADD and before its mark republishes an event under the
 * same id, which the live tails drop), and outbox rows still unpublished.
 */
async function published(poolId: string) {
  const entries = (await redis.xrange(alertsRaisedStream(prefix), '-', '+')) as Array<
    [string, string[]]
  >;
  const events = entries
    .map(
      ([, fields]) =>
        JSON.parse(fields[1]!) as {
          id: string;
          type: string;
          payload: { id: string; poolId: string };
        },
    )
    // The stream also carries investors' NoticeCreated events (each contribution gives one).
    .filter((e) => e.type === 'AlertRaised' && e.payload.poolId === poolId);
  const [[pending]] = (await mysql.db.execute(
    sql`SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL`,
  )) as unknown as [[{ n: number }]];
  return {
    events: new Set(events.map((e) => e.id)).size,
    alerts: new Set(events.map((e) => e.payload.id)).size,
    unpublished: Number(pending!.n),
  };
}

/** A pool whose every contribution is LARGE (threshold 100.00 USD) and no spike rule. */
async function largeOnlyPool() {
  const poolId = uuidv7();
  await publishPoolChanged(redis, prefix, { poolId, managerId: uuidv7(), targetMinor: '100000' });
  await upsertRule(
    mysql.db,
    {
      id: uuidv7(),
      poolId,
      kind: 'TRANSACTION_SPIKE',
      thresholdMinor: null,
      spikeFactor: 10,
      windowSeconds: 300,
      baselineSeconds: 3600,
      minCount: 5,
      enabled: false,
    },
    uuidv7(),
  );
  return poolId;
}

describe('alert workers', () => {
  it('raise each alert exactly once when two workers run at once', async () => {
    const poolId = await largeOnlyPool();
    worker('one');
    worker('two');
    const before = (await counts(poolId)).processed;
    await publishContributions(redis, prefix, poolId, 400, '20000');
    await eventually(
      async () => expect((await counts(poolId)).processed - before).toBe(400),
      30_000,
    );
    expect(await counts(poolId)).toMatchObject({ alerts: 400, sources: 400 });
    // Both relays ran; each alert went to the live stream once.
    await eventually(async () =>
      expect(await published(poolId)).toEqual({ events: 400, alerts: 400, unpublished: 0 }),
    );
  }, 60_000);

  it('leave no event unprocessed and none processed twice after a worker is killed mid-stream', async () => {
    for (const w of workers.splice(0)) await w.stop();
    const poolId = await largeOnlyPool();
    const before = (await counts(poolId)).processed;
    const child = spawn(
      process.execPath,
      await nodeEntryArgs(resolve(import.meta.dirname, '../src/worker.ts')),
      {
        env: {
          ...process.env,
          MYSQL_URL: database.url,
          REDIS_URL: TEST_REDIS_URL,
          REDIS_PREFIX: prefix,
          CONSUMER_NAME: 'doomed',
          CLAIM_IDLE_MS: '1000',
          LOG_LEVEL: 'silent',
        },
        stdio: 'ignore',
      },
    );
    children.push(child);
    const total = 1000;
    await publishContributions(redis, prefix, poolId, total, '20000');
    await eventually(
      async () => expect((await counts(poolId)).processed - before).toBeGreaterThan(100),
      30_000,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const atKill = (await counts(poolId)).processed - before;
    expect(atKill).toBeLessThan(total); // it really died mid-stream

    worker('survivor');
    await eventually(
      async () => expect((await counts(poolId)).processed - before).toBe(total),
      60_000,
    );
    expect(await counts(poolId)).toMatchObject({ alerts: total, sources: total });
    // Alerts the dead worker committed but never relayed went live through the survivor's relay.
    await eventually(async () =>
      expect(await published(poolId)).toEqual({ events: total, alerts: total, unpublished: 0 }),
    );
    await eventually(async () => {
      const [n] = (await redis.xpending(ledgerEventsStream(prefix), 'alerts')) as [number];
      expect(n).toBe(0);
    }, 10_000);
  }, 120_000);
});
