/**
 * The outbox relay alone, on a ledger database (its migrations, so its own outbox table and
 * indexes): a writer commits one outbox row per transaction at R/s and wakes the relay after
 * each commit (as the ledger's poster does); prints write → XADD (the row's UUIDv7
 * id is made in the transaction, the entry id is the XADD's time) and what the relay sent to
 * MariaDB per event (statements, pool checkouts counted as one), on its own pool.
 *
 *   npm run bench:relay -- [--rate 100] [--seconds 20]
 */
import { parseArgs } from 'node:util';
import { createOutboxRelay, streamIdMs, uuidv7Ms } from '@poolgraph/events';
import { schema as ledgerSchema, migrationsFolder } from '@poolgraph/ledger/db';
import {
  connectMysql,
  connectRedis,
  createLogger,
  migrateDatabase,
  uuidv7,
  type MysqlPool,
} from '@poolgraph/platform';
import { createTestDatabase, TEST_REDIS_URL, uniqueRedisPrefix } from '@poolgraph/testing';
import { loadAverage, percentile } from './lib/stats.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
  },
});
const RATE = Number(args.rate);
const TOTAL = RATE * Number(args.seconds);

/** Counts what goes through the pool's connections: each checkout and each statement. */
function countStatements(pool: MysqlPool): () => number {
  let sent = 0;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = async () => {
    const connection = await getConnection();
    const query = connection.query.bind(connection);
    Object.assign(connection, {
      query: (...args: Parameters<typeof query>) => (sent++, query(...args)),
    });
    sent++;
    return connection;
  };
  return () => sent;
}

const log = createLogger('bench-relay', 'silent');
const database = await createTestDatabase('relaybench');
const writer = connectMysql({ url: database.url }, ledgerSchema);
await migrateDatabase(writer, migrationsFolder);
const relayDb = connectMysql({ url: database.url }, ledgerSchema);
const redis = connectRedis(TEST_REDIS_URL, log);
const stream = `${uniqueRedisPrefix('relaybench')}events`;
try {
  const sent = countStatements(relayDb.pool);
  const relay = createOutboxRelay({ pool: relayDb.pool, redis, stream, log });
  relay.start();
  const started = performance.now();
  const commits: Promise<void>[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const row = { id: uuidv7(), type: 'BenchHappened', aggregateId: 'a', occurredAt: new Date() };
    commits.push(
      writer.db
        .transaction((tx) => tx.insert(ledgerSchema.outbox).values({ ...row, payload: { i } }))
        .then(() => relay.notify()),
    );
  }
  await Promise.all(commits);
  const deadline = Date.now() + 30_000;
  while ((await redis.xlen(stream)) < TOTAL && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await relay.stop();
  const entries = await redis.xrange(stream, '-', '+');
  const hops = entries
    .map(([id, fields]) => streamIdMs(id) - uuidv7Ms((JSON.parse(fields[1]!) as { id: string }).id))
    .sort((a, b) => a - b);
  console.log(
    `relay: ${TOTAL} commits at ${RATE}/s → ${entries.length} entries (load average ${loadAverage()})`,
  );
  console.log(
    `  write → XADD   p50 ${percentile(hops, 50)} ms   p99 ${percentile(hops, 99)} ms   max ${hops.at(-1)} ms`,
  );
  console.log(
    `  relay → MariaDB  ${(sent() / TOTAL).toFixed(2)} statements and checkouts per event`,
  );
} finally {
  await redis.del(stream);
  redis.disconnect();
  await Promise.all([writer.close(), relayDb.close()]);
  await database.drop();
}
process.exit(0);
