import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql, createLogger, migrateDatabase } from '@poolgraph/platform';
import {
  createTestDatabase,
  errorCodes,
  graphql,
  nodeEntryArgs,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { migrationsFolder, schema } from '../src/db/index.ts';
import { SIGN_UP, startUsers, type UsersUnderTest } from './helpers.ts';

// Database errors carry the SQL parameters in their message; none of it may reach the log.
const ROOT = resolve(import.meta.dirname, '../../..');
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

let users: UsersUnderTest;
beforeAll(async () => {
  users = await startUsers({ log: createLogger('users', 'info', sink) });
});
afterAll(() => users.stop());

/** Makes every insert into `table` fail with a CHECK violation. */
async function refuseInserts(url: string, table: string) {
  const mysql = connectMysql({ url }, {});
  try {
    await mysql.pool.query(
      `ALTER TABLE \`${table}\` ADD CONSTRAINT refuse_all CHECK (created_at < '2000-01-01')`,
    );
  } finally {
    await mysql.close();
  }
}

describe('logs of failed queries', () => {
  it('an unexpected failure of a users insert logs neither the email nor the password hash', async () => {
    await refuseInserts(users.database.url, 'users');
    const email = `secret.person${Date.now()}@example.com`;
    const response = await graphql(users.url, SIGN_UP, {
      input: { email, password: 'correct horse battery', name: 'Secret', role: 'INVESTOR' },
    });
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    const log = lines.join('');
    expect(log).toContain('unexpected error');
    expect(log).not.toContain(email);
    expect(log).not.toContain('argon2');
    // What failed is still there: the constraint, from the driver's error in the cause chain.
    expect(log).toContain('refuse_all');
  });

  it('a failed signing-key insert at boot logs no private key', async () => {
    let database: TestDatabase | undefined;
    try {
      database = await createTestDatabase('users');
      const mysql = connectMysql({ url: database.url }, schema);
      try {
        await migrateDatabase(mysql, migrationsFolder);
      } finally {
        await mysql.close();
      }
      await refuseInserts(database.url, 'signing_keys');
      const boot = promisify(execFile)(
        process.execPath,
        await nodeEntryArgs('subgraphs/users/src/index.ts'),
        {
          cwd: ROOT,
          env: {
            ...process.env,
            MYSQL_URL: database.url,
            REDIS_URL: TEST_REDIS_URL,
            REDIS_PREFIX: uniqueRedisPrefix('users-boot'),
            PORT: '0',
            LOG_LEVEL: 'info',
          },
        },
      );
      const failure = (await boot.then(
        () => ({ stdout: '', stderr: '' }),
        (error: unknown) => error,
      )) as { stdout: string; stderr: string; code?: number };
      expect(failure.code).toBe(1);
      const output = `${failure.stdout}${failure.stderr}`;
      expect(output).toContain('users failed to start');
      expect(output).toContain('refuse_all');
      // An Ed25519 private JWK holds its secret in "d".
      expect(output).not.toMatch(/\\?"d\\?"\s*:\s*\\?"[A-Za-z0-9_-]{20,}/);
    } finally {
      await database?.drop();
    }
  }, 60_000);
});
