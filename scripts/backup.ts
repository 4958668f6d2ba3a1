/**
 * npm run backup -- [--out DIR] [--mysql URL] [--database SERVICE=DB …] [--redis URL]
 *                   [--redis-prefix P]
 *
 * A backup of the whole deployment into DIR (default backups/<UTC timestamp>/): each service's
 * database as a consistent `mariadb-dump --single-transaction` (gzipped), every consumer
 * group's position and the stream entries some group may still need, a manifest, and
 * SHA256SUMS. Safe while the stack runs. Restore with `npm run restore -- DIR`.
 *
 * Order matters for consistency across databases: group positions are read first, then the
 * databases are dumped, then the stream entries (up to the end) are saved. So after a restore,
 * every consumer resumes at or before what its database had applied (replays are deduplicated)
 * and every event a restored producer had published is in the restored stream.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import mysql from 'mysql2/promise';
import { createRedisClient } from '@poolgraph/platform';
import { writeChecksums } from './lib/backup/checksums.ts';
import { connectionOf, dumpDatabase } from './lib/backup/mariadb.ts';
import {
  COMMON_OPTIONS,
  databasesFrom,
  dumpFileOf,
  ENTRIES_FILE,
  GROUPS_FILE,
  MANIFEST_FILE,
  type BackupManifest,
} from './lib/backup/options.ts';
import { entriesToKeep, readPositions, streamsUnder } from './lib/backup/redisStreams.ts';

const { values } = parseArgs({ options: { ...COMMON_OPTIONS, out: { type: 'string' } } });
const root = resolve(import.meta.dirname, '..');
const out = resolve(
  values.out ?? join(root, 'backups', new Date().toISOString().replace(/[:.]/g, '-')),
);
const databases = databasesFrom(values.database);
const prefix = values['redis-prefix'];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (existsSync(out) && readdirSync(out).length > 0)
  fail(`${out} is not empty; choose another --out.`);
mkdirSync(out, { recursive: true });
const connection = connectionOf(values.mysql);
const server = await mysql.createConnection(values.mysql);
// One server or a cluster (redis-cluster://h:p,…), as REDIS_URL.
const redis = createRedisClient(values.redis, { maxRetriesPerRequest: 2, lazyConnect: true });
try {
  await redis.connect();
  const [[version], [logBin]] = await Promise.all([
    server.query('SELECT VERSION() AS v').then(([rows]) => rows as Array<{ v: string }>),
    server
      .query("SHOW VARIABLES LIKE 'log_bin'")
      .then(([rows]) => rows as Array<{ Value: string }>),
  ]);
  for (const [service, database] of Object.entries(databases)) {
    const [rows] = await server.query(
      'SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [database],
    );
    if ((rows as unknown[]).length === 0)
      fail(`The ${service} database ${database} does not exist.`);
  }

  // 1. Where each consumer group stands, before any database is read.
  const streams = await Promise.all(
    (await streamsUnder(redis, prefix)).map((stream) => readPositions(redis, stream)),
  );
  // 2. Each database at one moment. With binary logging on, the dump notes its GTID position
  //    (a comment), the starting point for replaying later binlogs.
  const binlogArgs = logBin?.Value === 'ON' ? ['--master-data=2', '--gtid'] : [];
  for (const [service, database] of Object.entries(databases)) {
    const started = Date.now();
    await dumpDatabase(connection, database, join(out, dumpFileOf(service)), binlogArgs);
    console.log(
      `${service}: ${database} dumped in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // 3. The entries some group may still need, up to now.
  const gzip = createGzip();
  const file = createWriteStream(join(out, ENTRIES_FILE));
  gzip.pipe(file);
  let entries = 0;
  for (const stream of streams) {
    for await (const page of entriesToKeep(redis, stream)) {
      for (const [id, fields] of page) {
        if (!gzip.write(`${JSON.stringify({ stream: stream.stream, id, fields })}\n`)) {
          await once(gzip, 'drain');
        }
      }
      entries += page.length;
    }
  }
  gzip.end();
  await once(file, 'close');
  writeFileSync(join(out, GROUPS_FILE), `${JSON.stringify(streams, null, 2)}\n`);
  const manifest: BackupManifest = {
    format: 'poolgraph-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    tool: execFileSync('mariadb-dump', ['--version'], { encoding: 'utf8' }).trim(),
    mysqlVersion: version?.v ?? 'unknown',
    databases,
    redisPrefix: prefix,
  };
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeChecksums(out);
  console.log(
    `Backup written to ${out}: ${Object.keys(databases).length} databases, ${streams.length} streams (${streams.reduce((n, s) => n + s.groups.length, 0)} groups, ${entries} entries kept).`,
  );
} finally {
  await server.end();
  redis.disconnect();
}
