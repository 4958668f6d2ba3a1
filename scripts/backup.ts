/**
 * npm run backup -- [--out DIR] [--mysql URL] [--database SERVICE=DB …] [--redis URL]
 *                   [--redis-prefix P]
 *
 * A backup of the whole deployment into DIR (default backups/<UTC timestamp>/): each service's
 * database as a consistent `mariadb-dump --single-transaction` (gzipped), every consumer
 * group's position and the stream entries some group may still need, a manifest, and
 * SHA256SUMS. Safe while the stack runs. Restore with `npm run restore -- DIR`.
 *
 * With BACKUP_KEY (base64 of 32 bytes) every file but the manifest and SHA256SUMS is encrypted
 * (`<name>.enc`, AES-256-GCM in authenticated chunks: lib/backup/encryption.ts) and the
 * manifest carries an HMAC. Without it the backup is refused in production and written
 * unencrypted elsewhere, with a warning (docs/OPERATIONS.md, "The backup key").
 *
 * Order matters for consistency across databases: group positions are read first, then the
 * databases are dumped, then the stream entries (up to the end) are saved. So after a restore,
 * every consumer resumes at or before what its database had applied (replays are deduplicated)
 * and every event a restored producer had published is in the restored stream.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import mysql from 'mysql2/promise';
import { createRedisClient } from '@poolgraph/platform';
import { writeChecksums } from './lib/backup/checksums.ts';
import { backupKeyFromEnv, manifestMac } from './lib/backup/encryption.ts';
import { sealingStages, storedName, writeWhole, type BackupSeal } from './lib/backup/files.ts';
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

function backupSeal(): BackupSeal | undefined {
  try {
    const key = backupKeyFromEnv(process.env);
    if (key) return { key, backupId: randomUUID() };
  } catch (error) {
    fail((error as Error).message);
  }
  if (process.env.NODE_ENV === 'production') {
    fail(
      'BACKUP_KEY is required in production: a backup holds every database, secrets and personal ' +
        'data included (openssl rand -base64 32; docs/OPERATIONS.md, "The backup key").',
    );
  }
  console.warn('BACKUP_KEY is not set: this backup is NOT encrypted (production refuses that).');
  return undefined;
}
const seal = backupSeal();

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
    const file = dumpFileOf(service);
    await dumpDatabase(
      connection,
      database,
      join(out, storedName(file, seal)),
      binlogArgs,
      sealingStages(file, seal),
    );
    console.log(
      `${service}: ${database} dumped in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // 3. The entries some group may still need, up to now.
  const gzip = createGzip();
  const written = pipeline([
    gzip,
    ...sealingStages(ENTRIES_FILE, seal),
    createWriteStream(join(out, storedName(ENTRIES_FILE, seal))),
  ]);
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
  await written;
  await writeWhole(out, GROUPS_FILE, seal, `${JSON.stringify(streams, null, 2)}\n`);
  const manifest: BackupManifest = {
    format: 'poolgraph-backup',
    version: 2,
    backupId: seal?.backupId ?? randomUUID(),
    encryption: seal
      ? { cipher: 'aes-256-gcm', format: 'PGBAKENC v1', keyId: seal.key.id.toString('hex') }
      : null,
    createdAt: new Date().toISOString(),
    tool: execFileSync('mariadb-dump', ['--version'], { encoding: 'utf8' }).trim(),
    mysqlVersion: version?.v ?? 'unknown',
    databases,
    redisPrefix: prefix,
  };
  if (seal) manifest.mac = manifestMac(seal.key, manifest);
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeChecksums(out);
  console.log(
    `Backup written to ${out}${seal ? ' (encrypted)' : ' (NOT encrypted)'}: ${Object.keys(databases).length} databases, ${streams.length} streams (${streams.reduce((n, s) => n + s.groups.length, 0)} groups, ${entries} entries kept).`,
  );
} finally {
  await server.end();
  redis.disconnect();
}
