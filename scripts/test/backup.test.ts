import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  expectData,
  graphql,
  nodeEntryArgs,
  TEST_MYSQL_SERVER,
  TEST_REDIS_URL,
} from '@poolgraph/testing';
import { startStack, type Stack, type SubgraphName } from '@poolgraph/test-stack';
import { ledgerHistoryReader } from '@poolgraph/reports/peers/ledger';
import { rebuildReadModels } from '@poolgraph/reports/rebuild';
import { runWorkload, type Workload } from '../../deploy/test/workload.ts';
import { writeChecksums } from '../lib/backup/checksums.ts';
import { openingStages, readWhole } from '../lib/backup/files.ts';
import { parseBackupKey } from '../lib/backup/encryption.ts';
import { connectionOf, loadDump } from '../lib/backup/mariadb.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVICES: SubgraphName[] = ['users', 'pools', 'ledger', 'alerts', 'reports'];

/** The drill's backup key; every run gets it unless the test says otherwise. */
const BACKUP_KEY = randomBytes(32).toString('base64');

async function npmScript(
  script: 'backup' | 'restore',
  args: string[],
  env: Record<string, string> = {},
) {
  const entry = await nodeEntryArgs(`scripts/${script}.ts`);
  const run = spawnSync(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', BACKUP_KEY, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

/** Everything the books are: per-account balances and totals, every entry (hashed), counts. */
async function books(ledgerUrl: string) {
  const db = await mysql.createConnection({
    uri: ledgerUrl,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  try {
    const rows = async (sql: string) => (await db.query(sql))[0] as Array<Record<string, unknown>>;
    const entries = await rows(
      'SELECT id, transaction_id, pool_id, investor_id, amount, currency FROM entries ORDER BY id',
    );
    return {
      pools: await rows(
        'SELECT pool_id, currency, cash_balance, total_contributed, total_distributed, total_fees, total_withdrawn FROM pool_accounts ORDER BY pool_id',
      ),
      investors: await rows(
        'SELECT pool_id, investor_id, capital_balance, contributed, distributed, fees, withdrawn FROM investor_accounts ORDER BY pool_id, investor_id',
      ),
      entriesChecksum: createHash('sha256').update(JSON.stringify(entries)).digest('hex'),
      entries: entries.length,
      sumOfEntries: (await rows('SELECT CAST(SUM(amount) AS CHAR) AS s FROM entries'))[0]?.s,
      transactions: (await rows('SELECT COUNT(*) AS n FROM transactions'))[0]?.n,
    };
  } finally {
    await db.end();
  }
}

/** Rows per table of every service's database. */
/**
 * Row counts once nothing is still being written: audit entries land up to 100 ms after the
 * mutation they record (the audit log batches its writes).
 */
/**
 * The row counts once nothing has changed them for 1.5 s: longer than a consumer lingers
 * between two reads of a busy stream (250 ms at most), so a read model still catching up is
 * not taken for settled.
 */
async function settledTableCounts(databases: Record<string, string>) {
  let previous = await tableCounts(databases);
  for (let quiet = 0; quiet < 3;) {
    await new Promise((done) => setTimeout(done, 500));
    const current = await tableCounts(databases);
    quiet = JSON.stringify(current) === JSON.stringify(previous) ? quiet + 1 : 0;
    previous = current;
  }
  return previous;
}

async function tableCounts(databases: Record<string, string>) {
  const db = await mysql.createConnection(TEST_MYSQL_SERVER);
  try {
    const counts: Record<string, number> = {};
    for (const [service, name] of Object.entries(databases)) {
      const [tables] = await db.query(
        "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
        [name],
      );
      for (const { t } of tables as Array<{ t: string }>) {
        const [[row]] = (await db.query(
          `SELECT COUNT(*) AS n FROM \`${name}\`.\`${t}\``,
        )) as unknown as [Array<{ n: number }>];
        counts[`${service}.${t}`] = Number(row?.n);
      }
    }
    return counts;
  } finally {
    await db.end();
  }
}

/** What users of reports and alerts see, asked through the gateway after logging in again. */
async function answers(stack: Stack, workload: Workload) {
  const logIn = async (email: string, password: string) =>
    expectData(
      await graphql<{ logIn: { accessToken: string } }>(
        stack.gatewayUrl,
        'mutation L($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        { e: email, p: password },
      ),
    ).logIn.accessToken;
  const manager = await logIn(workload.manager.email, workload.manager.password);
  const ask = async (token: string, query: string, variables: Record<string, unknown> = {}) =>
    expectData(await graphql(stack.gatewayUrl, query, variables, { token }));
  const result: Record<string, unknown> = {
    top: await ask(
      manager,
      '{ topInvestors(limit: 50) { investor { id } uniquePools totalInvested { amount currency } } }',
    ),
    performance: await ask(
      manager,
      'query P($p: ID!) { poolPerformance(poolId: $p) { committed { amount } contributed { amount } distributed { amount } fees { amount } } }',
      { p: workload.poolId },
    ),
    alerts: await ask(
      manager,
      'query A($p: ID) { alerts(poolId: $p) { id kind status message transaction { id } } }',
      { p: workload.poolId },
    ),
    pool: await ask(
      manager,
      'query Q($p: ID!) { pool(id: $p) { name status cashBalance { amount } totalContributed { amount } members { investor { id name } position { contributed { amount } distributed { amount } fees { amount } } } } }',
      { p: workload.poolId },
    ),
  };
  for (const investor of workload.investors) {
    const token = await logIn(investor.email, investor.password);
    result[investor.userId] = await ask(
      token,
      'query S($i: ID!) { investorStatement(investorId: $i) { csv } }',
      {
        i: investor.userId,
      },
    );
  }
  return result;
}

describe('backup and restore drill', () => {
  let stack: Stack | undefined;
  let workload: Workload;
  let databases: Record<SubgraphName, string>;
  let redisPrefix: string;
  const out = mkdtempSync(join(tmpdir(), 'poolgraph-backup-'));
  const backupDir = join(out, 'b1');
  let before: { books: unknown; counts: unknown; answers: unknown };

  beforeAll(async () => {
    stack = await startStack();
    workload = await runWorkload(stack);
    databases = Object.fromEntries(
      SERVICES.map((s) => [s, databaseName(stack!.databases[s]!.url)]),
    ) as Record<SubgraphName, string>;
    redisPrefix = stack.redisPrefix;
    // The read models catch up first (reports lingers between reads of a busy stream), so the
    // answers are the complete ones; logging in (for the answers) writes refresh tokens, so the
    // rows are counted again after.
    await settledTableCounts(databases);
    const beforeAnswers = await answers(stack, workload);
    before = {
      books: await books(stack.databases.ledger!.url),
      answers: beforeAnswers,
      counts: await settledTableCounts(databases),
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  const common = () => [
    `--mysql=${TEST_MYSQL_SERVER}`,
    `--redis=${TEST_REDIS_URL}`,
    `--redis-prefix=${redisPrefix}`,
    ...SERVICES.map((s) => `--database=${s}=${databases[s]}`),
  ];

  it('refuses to write an unencrypted backup in production', async () => {
    const out = join(backupDir, '..', 'unencrypted');
    const run = await npmScript('backup', [...common(), `--out=${out}`], {
      BACKUP_KEY: '',
      NODE_ENV: 'production',
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain('BACKUP_KEY is required in production');
    expect(() => readdirSync(out)).toThrow();
  }, 90_000);

  it('backs up every database and the consumer groups, encrypted, with checksums', async () => {
    const run = await npmScript('backup', [...common(), `--out=${backupDir}`]);
    expect(run.output).toContain('Backup written to');
    expect(run.output).toContain('(encrypted)');
    expect(run.status).toBe(0);
    expect(readdirSync(backupDir).sort()).toEqual([
      'SHA256SUMS',
      'alerts.sql.gz.enc',
      'ledger.sql.gz.enc',
      'manifest.json',
      'pools.sql.gz.enc',
      'redis-groups.json.enc',
      'redis-streams.jsonl.gz.enc',
      'reports.sql.gz.enc',
      'users.sql.gz.enc',
    ]);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], {
      cwd: backupDir,
      encoding: 'utf8',
    });
    expect(check.status).toBe(0);
  }, 60_000);

  it('holds no readable byte: each file is ciphertext, and the dump inside holds only sealed keys', async () => {
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
      backupId: string;
      encryption: { keyId: string };
    };
    const key = parseBackupKey(BACKUP_KEY);
    expect(manifest.encryption.keyId).toBe(key.id.toString('hex'));
    const investor = workload.investors[0]!;
    for (const file of readdirSync(backupDir).filter((f) => f.endsWith('.enc'))) {
      const bytes = readFileSync(join(backupDir, file));
      expect(bytes.subarray(0, 8).toString('ascii'), file).toBe('PGBAKENC');
      expect(bytes[0] === 0x1f && bytes[1] === 0x8b, `${file} is gzip`).toBe(false);
      expect(bytes.includes(investor.email), file).toBe(false);
    }
    // Decrypted with the key, the users dump still holds no private signing key in the clear.
    const seal = { key, backupId: manifest.backupId };
    expect(await readWhole(backupDir, 'redis-groups.json', seal)).toContain(redisPrefix);
    const probe = `${databases.users}_probe`;
    const db = await mysql.createConnection(TEST_MYSQL_SERVER);
    try {
      await db.query(`CREATE DATABASE \`${probe}\``);
      await loadDump(
        connectionOf(TEST_MYSQL_SERVER),
        probe,
        join(backupDir, 'users.sql.gz.enc'),
        openingStages('users.sql.gz', seal),
      );
      const [keys] = await db.query(`SELECT kid, private_jwk FROM \`${probe}\`.signing_keys`);
      const rows = keys as Array<{ kid: string; private_jwk: string }>;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.private_jwk).toMatch(/^sealed:v1:/);
        expect(row.private_jwk).not.toContain('"d"');
      }
      const [users] = await db.query(`SELECT email FROM \`${probe}\`.users`);
      expect((users as Array<{ email: string }>).map((u) => u.email)).toContain(investor.email);
    } finally {
      await db.query(`DROP DATABASE IF EXISTS \`${probe}\``);
      await db.end();
    }
  }, 60_000);

  it('refuses a wrong or missing key before changing anything, even with --force', async () => {
    const wrong = await npmScript('restore', [backupDir, ...common(), '--force'], {
      BACKUP_KEY: randomBytes(32).toString('base64'),
    });
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain('BACKUP_KEY is not the key');
    expect(wrong.output).toContain('nothing was restored');
    const missing = await npmScript('restore', [backupDir, ...common(), '--force'], {
      BACKUP_KEY: '',
    });
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('is encrypted: set BACKUP_KEY');
    expect(await books(stack!.databases.ledger!.url)).toEqual(before.books);
  }, 180_000);

  it('refuses to restore over databases that have tables', async () => {
    const run = await npmScript('restore', [backupDir, ...common()]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('Refusing to restore over existing data');
  }, 90_000);

  it('after losing every database and Redis, restores identical books, reports and alerts', async () => {
    // The disaster: every service stops, every database is dropped, every Redis key is gone.
    await stack!.stop();
    stack = undefined;
    const run = await npmScript('restore', [backupDir, ...common()]);
    expect(run.output).toContain('Restored');
    expect(run.status).toBe(0);
    expect(await tableCounts(databases)).toEqual(before.counts);

    stack = await startStack({
      redisPrefix,
      databaseUrls: Object.fromEntries(
        SERVICES.map((s) => [s, `${TEST_MYSQL_SERVER}/${databases[s]}`]),
      ),
    });
    expect(await books(stack.databases.ledger!.url)).toEqual(before.books);
    expect(await answers(stack, workload)).toEqual(before.answers);

    // The consumer groups resumed where they were: a new contribution reaches reports.
    const investor = workload.investors[1]!;
    expectData(
      await graphql(
        stack.gatewayUrl,
        'mutation C($p: ID!) { contribute(poolId: $p, amount: "10.00", idempotencyKey: "after-restore") { id } }',
        { p: workload.poolId },
        { token: investor.token },
      ),
    );
    await eventually(async () => {
      const perf = expectData(
        await graphql<{ poolPerformance: { contributed: { amount: string } } }>(
          stack!.gatewayUrl,
          'query P($p: ID!) { poolPerformance(poolId: $p) { contributed { amount } } }',
          { p: workload.poolId },
          { token: workload.manager.token },
        ),
      );
      const previous = (before.answers as { performance: typeof perf }).performance;
      expect(Number(perf.poolPerformance.contributed.amount)).toBe(
        Number(previous.poolPerformance.contributed.amount) + 10,
      );
    }, 20_000);
  }, 120_000);

  it('rebuilds the restored reports from the restored ledger to the same answers', async () => {
    const admin = await stack!.admin();
    const current = await answers(stack!, workload);
    const { transactions } = await rebuildReadModels({
      mysqlUrl: stack!.databases.reports!.url,
      readHistory: ledgerHistoryReader(stack!.gatewayUrl, admin.token),
    });
    expect(transactions).toBeGreaterThan(workload.investors.length + 1);
    expect(await answers(stack!, workload)).toEqual(current);
  }, 60_000);

  it('refuses a file or a manifest changed with its checksum rewritten, before touching anything', async () => {
    // An attacker who can write the backup also rewrites SHA256SUMS: the encryption still tells.
    const booksNow = await books(stack!.databases.ledger!.url);
    const file = join(backupDir, 'users.sql.gz.enc');
    const original = readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 2)]! ^= 1;
    writeFileSync(file, flipped);
    await writeChecksums(backupDir);
    const tampered = await npmScript('restore', [backupDir, ...common(), '--force']);
    expect(tampered.status).toBe(1);
    expect(tampered.output).toContain('does not decrypt; nothing was restored');
    expect(tampered.output).toContain('users.sql.gz.enc is damaged or was tampered with');

    writeFileSync(file, original);
    const manifestPath = join(backupDir, 'manifest.json');
    const manifest = readFileSync(manifestPath, 'utf8');
    writeFileSync(manifestPath, manifest.replace('"ledger": "', '"ledger": "x'));
    await writeChecksums(backupDir);
    const renamed = await npmScript('restore', [backupDir, ...common(), '--force']);
    expect(renamed.status).toBe(1);
    expect(renamed.output).toContain('manifest.json in');
    expect(renamed.output).toContain('was changed after the backup was made');
    expect(await books(stack!.databases.ledger!.url)).toEqual(booksNow);
  }, 180_000);

  it('refuses a backup whose files changed, before touching anything', async () => {
    appendFileSync(join(backupDir, 'ledger.sql.gz.enc'), 'x');
    const run = await npmScript('restore', [backupDir, ...common(), '--force']);
    expect(run.status).toBe(1);
    expect(run.output).toContain('ledger.sql.gz.enc does not match its checksum');
  }, 90_000);
});
