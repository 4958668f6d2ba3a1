import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService as createAlerts } from '@poolgraph/alerts';
import { SEALED as ALERTS_SEALED } from '@poolgraph/alerts/sealedColumns';
import {
  createLogger,
  keyringFromEnv,
  openValue,
  uuidv7,
  type HttpService,
} from '@poolgraph/platform';
import {
  createTestDatabase,
  deleteRedisKeys,
  expectData,
  graphql,
  nodeEntryArgs,
  TEST_MYSQL_SERVER,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { createService as createUsers } from '@poolgraph/users';
import { SEALED as USERS_SEALED } from '@poolgraph/users/sealedColumns';

const ROOT = resolve(import.meta.dirname, '../..');
const kek = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const OLD = kek('old');
const NEW = kek('new');
const ring = (current: string, previous?: string) =>
  keyringFromEnv({ NODE_ENV: 'test', SECRETS_KEK: current, SECRETS_KEK_PREVIOUS: previous });
const log = createLogger('sealed', 'silent');

/** Every row of every table of a database, as one string: what a stolen copy would show. */
async function everything(url: string): Promise<string> {
  const db = await mysql.createConnection(url);
  try {
    const [tables] = await db.query('SHOW TABLES');
    const out: unknown[] = [];
    for (const row of tables as Array<Record<string, string>>) {
      const [rows] = await db.query(`SELECT * FROM \`${Object.values(row)[0]}\``);
      out.push(rows);
    }
    return JSON.stringify(out);
  } finally {
    await db.end();
  }
}

async function column(url: string, sql: string): Promise<Array<{ id: string; value: string }>> {
  const db = await mysql.createConnection(url);
  try {
    return (await db.query(sql))[0] as Array<{ id: string; value: string }>;
  } finally {
    await db.end();
  }
}

describe('secrets sealed at rest, and a rotation of the key-encryption key', () => {
  let users: TestDatabase;
  let alerts: TestDatabase;
  const prefix = uniqueRedisPrefix('sealed');
  let running: HttpService[] = [];
  let usersUrl = '';
  let alertsUrl = '';
  let manager: { token: string; email: string };
  const secrets: Record<string, string> = {};

  /** users and alerts on the test databases, sealing with `current` (and `previous`). */
  async function start(current: string, previous?: string) {
    await Promise.all(running.map((s) => s.stop()));
    const u = await createUsers({
      mysqlUrl: users.url,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: prefix,
      jwksUrl: 'http://unused.invalid',
      subgraphUrls: {},
      log,
      secrets: ring(current, previous),
    });
    const usersBase = await u.listen(0);
    const a = await createAlerts({
      mysqlUrl: alerts.url,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: prefix,
      jwksUrl: `${usersBase}/.well-known/jwks.json`,
      subgraphUrls: { pools: 'http://127.0.0.1:9/graphql' },
      backgroundWork: false,
      log,
      secrets: ring(current, previous),
    });
    running = [a, u];
    usersUrl = `${usersBase}/graphql`;
    alertsUrl = `${await a.listen(0)}/graphql`;
  }

  const logIn = async () =>
    expectData(
      await graphql<{ logIn: { accessToken: string } }>(
        usersUrl,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        { e: manager.email, p: 'correct horse battery' },
      ),
    ).logIn.accessToken;

  /** Alerts verifies the token against users' keys, and opens every channel of the manager. */
  const channelsSeen = async (token: string) =>
    expectData(
      await graphql<{ notificationChannels: Array<{ id: string }> }>(
        alertsUrl,
        '{ notificationChannels { id } }',
        {},
        { token },
      ),
    ).notificationChannels.map((c) => c.id);

  const rotate = async (env: Record<string, string>) => {
    const clean = { ...process.env };
    delete clean.USERS_MYSQL_URL;
    delete clean.ALERTS_MYSQL_URL;
    delete clean.SECRETS_KEK_PREVIOUS;
    const run = spawnSync(
      process.execPath,
      [
        ...(await nodeEntryArgs('scripts/keys-rotate-kek.ts')),
        `--mysql=${TEST_MYSQL_SERVER}`,
        `--database=users=${new URL(users.url).pathname.slice(1)}`,
        `--database=alerts=${new URL(alerts.url).pathname.slice(1)}`,
        '--batch-size=1',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  beforeAll(async () => {
    users = await createTestDatabase('users');
    alerts = await createTestDatabase('alerts');
    await start(OLD);
    const email = `sealed${Date.now()}@example.com`;
    const signedUp = expectData(
      await graphql<{ signUp: { accessToken: string } }>(
        usersUrl,
        'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }',
        { i: { email, password: 'correct horse battery', name: 'Sealed', role: 'MANAGER' } },
      ),
    );
    manager = { token: signedUp.signUp.accessToken, email };
    for (const name of ['first', 'second']) {
      const added = expectData(
        await graphql<{ addNotificationChannel: { secret: string; channel: { id: string } } }>(
          alertsUrl,
          'mutation($i: NotificationChannelInput!) { addNotificationChannel(input: $i) { secret channel { id } } }',
          { i: { kind: 'WEBHOOK', url: `http://127.0.0.1:9/${name}` } },
          { token: manager.token },
        ),
      );
      secrets[added.addNotificationChannel.channel.id] = added.addNotificationChannel.secret;
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await users?.drop();
    await alerts?.drop();
    await deleteRedisKeys(TEST_REDIS_URL, prefix);
  });

  it('keeps no private signing key and no webhook secret in plaintext in any row', async () => {
    const keys = await column(
      users.url,
      'SELECT kid AS id, private_jwk AS value FROM signing_keys',
    );
    expect(keys.length).toBe(1);
    for (const { id, value } of keys) {
      expect(value).toMatch(/^sealed:v1:old:/);
      const jwk = JSON.parse(
        await openValue(ring(OLD), USERS_SEALED.signingKeyPrivateJwk, id, value),
      );
      expect(jwk.d).toMatch(/^[\w-]{43}$/);
      expect(await everything(users.url)).not.toContain(jwk.d);
    }
    const rawAlerts = await everything(alerts.url);
    for (const secret of Object.values(secrets)) {
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(rawAlerts).not.toContain(secret);
    }
    const channels = await column(
      alerts.url,
      'SELECT id, secret AS value FROM notification_channels',
    );
    for (const { id, value } of channels) {
      expect(value).toMatch(/^sealed:v1:old:/);
      expect(await openValue(ring(OLD), ALERTS_SEALED.webhookSecret, id, value)).toBe(secrets[id]);
      // Sealed for its row: copied onto another channel, it does not open.
      await expect(
        openValue(ring(OLD), ALERTS_SEALED.webhookSecret, uuidv7(), value),
      ).rejects.toThrow(/does not open/);
    }
  });

  it('seals, at the next boot, a secret an older version left in plaintext', async () => {
    const legacyId = uuidv7();
    const me = JSON.parse(Buffer.from(manager.token.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
    };
    const db = await mysql.createConnection(alerts.url);
    try {
      await db.query(
        "INSERT INTO notification_channels (id, manager_id, kind, url, secret) VALUES (?, ?, 'WEBHOOK', 'http://127.0.0.1:9/legacy', ?)",
        [legacyId, me.sub, 'legacy-plaintext-webhook-secret'],
      );
    } finally {
      await db.end();
    }
    secrets[legacyId] = 'legacy-plaintext-webhook-secret';
    // Rotation, step 1: every service restarts with the new KEK and the old one beside it.
    await start(NEW, OLD);
    const [legacy] = await column(
      alerts.url,
      `SELECT id, secret AS value FROM notification_channels WHERE id = '${legacyId}'`,
    );
    expect(legacy!.value).toMatch(/^sealed:v1:new:/);
    expect(await everything(alerts.url)).not.toContain('legacy-plaintext-webhook-secret');
    // The token signed before the restart still verifies; a login signs with the old-KEK key.
    expect((await channelsSeen(manager.token)).sort()).toEqual(Object.keys(secrets).sort());
    expect(await channelsSeen(await logIn())).toHaveLength(3);
  }, 60_000);

  it('keys:rotate-kek refuses without the old KEK, then re-wraps everything, and a rerun does nothing', async () => {
    const without = await rotate({ SECRETS_KEK: NEW });
    expect(without.status).toBe(1);
    expect(without.output).toContain('no KEK "old" in the keyring');

    const run = await rotate({ SECRETS_KEK: NEW, SECRETS_KEK_PREVIOUS: OLD });
    expect(run.output).toContain('users: signing_keys.private_jwk: 1 re-wrapped, 0 sealed');
    expect(run.output).toContain('alerts: notification_channels.secret: 2 re-wrapped, 0 sealed');
    expect(run.output).toContain('Every sealed secret is on KEK "new"');
    expect(run.status).toBe(0);

    const again = await rotate({ SECRETS_KEK: NEW, SECRETS_KEK_PREVIOUS: OLD });
    expect(again.output).toContain('users: signing_keys.private_jwk: 0 re-wrapped, 0 sealed');
    expect(again.output).toContain('alerts: notification_channels.secret: 0 re-wrapped, 0 sealed');
    expect(again.status).toBe(0);
  }, 180_000);

  it('with the old KEK removed, every secret still opens and tokens still sign and verify', async () => {
    await start(NEW);
    const keys = await column(
      users.url,
      'SELECT kid AS id, private_jwk AS value FROM signing_keys',
    );
    const channels = await column(
      alerts.url,
      'SELECT id, secret AS value FROM notification_channels',
    );
    for (const { value } of [...keys, ...channels]) expect(value).toMatch(/^sealed:v1:new:/);
    for (const { id, value } of channels) {
      expect(await openValue(ring(NEW), ALERTS_SEALED.webhookSecret, id, value)).toBe(secrets[id]);
      await expect(openValue(ring(OLD), ALERTS_SEALED.webhookSecret, id, value)).rejects.toThrow(
        /no KEK "new"/,
      );
    }
    expect((await channelsSeen(manager.token)).sort()).toEqual(Object.keys(secrets).sort());
    expect(await channelsSeen(await logIn())).toHaveLength(3);
  }, 60_000);
});
