/**
 * npm run admin:create -- --email E --password P [--name N]
 * Creates (or promotes) an ADMIN user in the users database named by MYSQL_URL.
 */
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import {
  connectMysql,
  connectRedis,
  createLogger,
  createSessionRevocations,
  ensureDatabase,
  migrateDatabase,
} from '@poolgraph/platform';
import { migrationsFolder, schema } from '../db/index.ts';
import { loadEnv } from '../env.ts';
import { upsertAdmin } from '../admin.ts';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});
if (!values.email || !values.password) {
  console.error(
    'Usage: npm run admin:create -- --email admin@example.com --password "<12+ chars>" [--name "Ada"]',
  );
  process.exit(2);
}

const env = loadEnv();
await ensureDatabase(env.MYSQL_URL);
const mysql = connectMysql({ url: env.MYSQL_URL }, schema);
// A promoted account's sessions end everywhere: the revocation list is in the deployment's Redis.
const redis = connectRedis(env.REDIS_URL, createLogger('admin-create', 'warn'));
try {
  await migrateDatabase(mysql, migrationsFolder);
  const { user, created } = await upsertAdmin(
    mysql.db,
    {
      email: values.email,
      password: values.password,
      name: values.name,
    },
    createSessionRevocations(redis, env.REDIS_PREFIX),
  );
  process.stdout.write(`${created ? 'Created' : 'Promoted'} ADMIN ${user.email} (${user.id})\n`);
} catch (error) {
  if (!(error instanceof GraphQLError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await mysql.close();
  await redis.quit();
}
