import { createOutboxRelay, ledgerEventsStream } from '@poolgraph/events';
import { createLogger, Redis, type MysqlPool } from '@poolgraph/platform';
import { TEST_REDIS_URL } from '@poolgraph/testing';
import { groupLags } from './consumerGroups.ts';

const count = async (pool: MysqlPool, where: string) => {
  const [rows] = await pool.query(`SELECT COUNT(*) AS n FROM outbox WHERE ${where}`);
  return Number((rows as Array<{ n: unknown }>)[0]?.n);
};

async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * After a run: the outbox drains (the ledger's relay publishes everything), every consumer group
 * catches up, the relay's own trim (every 10 s) cuts the stream to what is still unacknowledged,
 * and the purge the relay runs every minute (here with zero retention, since the default keeps
 * an hour) empties the published outbox: both stay bounded however many postings there were.
 */
export async function reportRetention(pool: MysqlPool, redisPrefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  const stream = ledgerEventsStream(redisPrefix);
  try {
    const drained = await until(
      async () => (await count(pool, 'published_at IS NULL')) === 0,
      120_000,
    );
    const lagOf = () => groupLags(redis, stream);
    const caughtUp = await until(
      async () => (await lagOf()).every((g) => g.pending === 0 && g.lag === 0),
      120_000,
    );
    const before = await redis.xlen(stream);
    await until(async () => (await redis.xlen(stream)) < before || before === 0, 20_000);
    const after = await redis.xlen(stream);
    const relay = createOutboxRelay({ pool, redis, stream, log: createLogger('bench', 'silent') });
    const rows = await count(pool, '1');
    const started = performance.now();
    const purged = await relay.purgePublished(0);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `retention: outbox drained ${drained ? 'yes' : 'NO'}; consumer groups caught up ${caughtUp ? 'yes' : 'NO'} ` +
        `(${(await lagOf()).map((g) => g.name).join(', ') || 'none'})`,
    );
    console.log(
      `  stream ${stream}: ${before} entries → ${after} after the relay's trim; ` +
        `outbox ${rows} published rows → ${rows - purged} after one purge (${seconds.toFixed(1)} s)`,
    );
  } finally {
    redis.disconnect();
  }
}
