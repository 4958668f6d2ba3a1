/**
 * npm run restore -- DIR [--force] [--no-redis] [--mysql URL] [--database SERVICE=DB …]
 *                    [--redis URL] [--redis-prefix P] [--allow-unencrypted]
 *
 * Restores a backup made by `npm run backup`: checks SHA256SUMS first; an encrypted backup needs
 * BACKUP_KEY, the key it was made with (a wrong key is named as such), and every file is
 * decrypted and authenticated, with the manifest's HMAC, before anything changes. In production
 * an unencrypted backup is refused unless --allow-unencrypted. Then it loads each
 * service's dump into its database (created if missing) and puts the event streams back with
 * their consumer groups at the saved positions. Stop every service first. Refuses databases
 * that have tables and streams that exist, unless --force (which drops them). Afterwards start
 * the services: relays publish what was unpublished, consumers resume (and deduplicate).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import mysql from 'mysql2/promise';
import { createRedisClient } from '@poolgraph/platform';
import { verifyChecksums } from './lib/backup/checksums.ts';
import { backupKeyFromEnv, manifestMacMatches } from './lib/backup/encryption.ts';
import {
  checkDecrypts,
  openingStages,
  readWhole,
  storedName,
  type BackupSeal,
} from './lib/backup/files.ts';
import { connectionOf, loadDump } from './lib/backup/mariadb.ts';
import {
  COMMON_OPTIONS,
  dumpFileOf,
  ENTRIES_FILE,
  GROUPS_FILE,
  MANIFEST_FILE,
  type BackupManifest,
} from './lib/backup/options.ts';
import { restoreStream, type StreamBackup, type StreamEntry } from './lib/backup/redisStreams.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...COMMON_OPTIONS,
    'redis-prefix': { type: 'string' },
    force: { type: 'boolean', default: false },
    'no-redis': { type: 'boolean', default: false },
    'allow-unencrypted': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (positionals.length !== 1) fail('usage: npm run restore -- BACKUP_DIR [--force] [--no-redis]');
const dir = resolve(positionals[0]!);
if (!existsSync(join(dir, MANIFEST_FILE))) fail(`${dir} has no ${MANIFEST_FILE}: not a backup.`);
const problems = await verifyChecksums(dir);
if (problems.length)
  fail(`The backup in ${dir} is damaged; nothing was restored:\n  ${problems.join('\n  ')}`);

const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
if (manifest.format !== 'poolgraph-backup' || (manifest.version !== 1 && manifest.version !== 2)) {
  fail(`${dir}: unknown backup format ${manifest.format} ${manifest.version}`);
}
const seal = backupSeal(manifest);
const overrides = Object.fromEntries(
  values.database.map((flag) => flag.split('=') as [string, string]),
);
const databases = Object.fromEntries(
  Object.entries(manifest.databases).map(([service, name]) => [
    service,
    overrides[service] ?? name,
  ]),
);
for (const name of Object.values(databases)) {
  if (!/^\w+$/.test(name)) fail(`invalid database name: ${name}`);
}
const prefix = values['redis-prefix'] ?? manifest.redisPrefix;
const renamed = (stream: string) => `${prefix}${stream.slice(manifest.redisPrefix.length)}`;
const streams = (JSON.parse(await readWhole(dir, GROUPS_FILE, seal)) as StreamBackup[]).map(
  (s) => ({ ...s, stream: renamed(s.stream) }),
);

const server = await mysql.createConnection(values.mysql);
// One server or a cluster (redis-cluster://h:p,…), as REDIS_URL.
const redis = createRedisClient(values.redis, { maxRetriesPerRequest: 2, lazyConnect: true });
try {
  // Everything is checked before anything is changed.
  const occupied: string[] = [];
  for (const [service, name] of Object.entries(databases)) {
    const [rows] = await server.query(
      'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [name],
    );
    const tables = Number((rows as Array<{ n: unknown }>)[0]?.n ?? 0);
    if (tables > 0) occupied.push(`the ${service} database ${name} has ${tables} tables`);
  }
  if (!values['no-redis']) {
    await redis.connect();
    for (const { stream } of streams) {
      if (await redis.exists(stream)) occupied.push(`the stream ${stream} exists`);
    }
  }
  if (occupied.length && !values.force) {
    fail(`Refusing to restore over existing data (--force drops it):\n  ${occupied.join('\n  ')}`);
  }
  if (seal) {
    // Every byte authenticated before the first database is dropped.
    const files = [...Object.keys(databases).map(dumpFileOf), GROUPS_FILE, ENTRIES_FILE];
    const problems = await checkDecrypts(dir, files, seal);
    if (problems.length) {
      fail(
        `The backup in ${dir} does not decrypt; nothing was restored:\n  ${problems.join('\n  ')}`,
      );
    }
  }

  const connection = connectionOf(values.mysql);
  for (const [service, name] of Object.entries(databases)) {
    const started = Date.now();
    if (values.force) await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await server.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
    const file = dumpFileOf(service);
    await loadDump(connection, name, join(dir, storedName(file, seal)), openingStages(file, seal));
    console.log(`${service}: ${name} restored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (values['no-redis']) {
    console.log('Streams not restored (--no-redis): consumers resume from Redis as it is.');
  } else {
    const byStream = await readEntries(ENTRIES_FILE);
    for (const backup of streams) {
      if (values.force) await redis.del(backup.stream);
      const entries = byStream.get(backup.stream) ?? [];
      const count = await restoreStream(
        redis,
        backup,
        (async function* () {
          for (let i = 0; i < entries.length; i += 1000) yield entries.slice(i, i + 1000);
        })(),
      );
      console.log(
        `${backup.stream}: ${count} entries, groups ${backup.groups.map((g) => g.name).join(', ') || 'none'}`,
      );
    }
  }
  console.log(
    `Restored ${dir}. Start the services; then check docs/OPERATIONS.md, "After a restore".`,
  );
} finally {
  await server.end();
  redis.disconnect();
}

/**
 * The key of an encrypted backup, checked (the right key, an untouched manifest): cheap, so it
 * comes first; every file is decrypted (`checkDecrypts`) after the other checks, before anything
 * changes.
 */
function backupSeal(manifest: BackupManifest): BackupSeal | undefined {
  if (!manifest.encryption) {
    if (process.env.NODE_ENV === 'production' && !values['allow-unencrypted']) {
      fail(`${dir} is not encrypted; production restores one only with --allow-unencrypted.`);
    }
    return undefined;
  }
  const { keyId } = manifest.encryption;
  let key;
  try {
    key = backupKeyFromEnv(process.env);
  } catch (error) {
    fail((error as Error).message);
  }
  if (!key) fail(`${dir} is encrypted: set BACKUP_KEY to the key it was made with (id ${keyId}).`);
  if (key.id.toString('hex') !== keyId) {
    fail(
      `BACKUP_KEY is not the key ${dir} was made with (its key id is ${keyId}, BACKUP_KEY's ` +
        `${key.id.toString('hex')}); nothing was restored.`,
    );
  }
  const { mac, ...signed } = manifest;
  if (!mac || !manifest.backupId || !manifestMacMatches(key, signed, mac)) {
    fail(`${MANIFEST_FILE} in ${dir} was changed after the backup was made; nothing was restored.`);
  }
  return { key, backupId: manifest.backupId };
}

async function readEntries(file: string): Promise<Map<string, StreamEntry[]>> {
  const byStream = new Map<string, StreamEntry[]>();
  const gunzip = createGunzip();
  const source = pipeline([
    createReadStream(join(dir, storedName(file, seal))),
    ...openingStages(file, seal),
    gunzip,
  ]);
  const lines = createInterface({ input: gunzip });
  for await (const line of lines) {
    if (!line) continue;
    const { stream, id, fields } = JSON.parse(line) as {
      stream: string;
      id: string;
      fields: string[];
    };
    const name = renamed(stream);
    if (!byStream.has(name)) byStream.set(name, []);
    byStream.get(name)!.push([id, fields]);
  }
  await source;
  return byStream;
}
