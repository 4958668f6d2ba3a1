/**
 * npm run keys:rotate [-- --publish-ahead-seconds 120 --retire-after-seconds 960]
 * Rotates the access-token signing key in the users database named by MYSQL_URL: the new key
 * is published at once and signs two minutes later (every replica moves to it within 30 s of
 * that, without a restart); the old keys keep verifying until their last tokens have expired
 * (16 minutes after activation), then leave the JWKS. Nothing else has to be run.
 * A leaked key: `--retire-after-seconds 0` refuses its tokens at once (their users log in again).
 */
import { parseArgs } from 'node:util';
import { connectMysql, ensureDatabase, migrateDatabase } from '@poolgraph/platform';
import { migrationsFolder, schema } from '../db/index.ts';
import { loadEnv, secretsKeyring } from '../env.ts';
import { DEFAULT_ROTATION, rotateSigningKey } from '../auth/rotation.ts';

const { values } = parseArgs({
  options: {
    'publish-ahead-seconds': { type: 'string' },
    'retire-after-seconds': { type: 'string' },
  },
});
const seconds = (value: string | undefined, fallbackMs: number, name: string) => {
  if (value === undefined) return fallbackMs;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name} must be a number of seconds, 0 or more.`);
    process.exit(2);
  }
  return parsed * 1000;
};
const timings = {
  publishAheadMs: seconds(
    values['publish-ahead-seconds'],
    DEFAULT_ROTATION.publishAheadMs,
    'publish-ahead-seconds',
  ),
  retireAfterMs: seconds(
    values['retire-after-seconds'],
    DEFAULT_ROTATION.retireAfterMs,
    'retire-after-seconds',
  ),
};

const env = loadEnv();
await ensureDatabase(env.MYSQL_URL);
const mysql = connectMysql({ url: env.MYSQL_URL }, schema);
try {
  await migrateDatabase(mysql, migrationsFolder);
  const { kid, activatesAt, retiresAt } = await rotateSigningKey(
    mysql.db,
    secretsKeyring(env),
    timings,
  );
  process.stdout.write(
    `New signing key ${kid}: published now, signs from ${activatesAt.toISOString()}; ` +
      `the previous keys retire at ${retiresAt.toISOString()}.\n`,
  );
} finally {
  await mysql.close();
}
