/**
 * npm run keys:rotate-kek -- [--mysql URL] [--database SERVICE=DB …] [--batch-size N]
 *
 * Moves every sealed secret of every service's database onto the current key-encryption key:
 * with SECRETS_KEK set to the new KEK and SECRETS_KEK_PREVIOUS to the old one(s), each sealed
 * column (each service's `src/data/sealedColumns.ts`) is walked in batches and every data key
 * wrapped by an old KEK is re-wrapped by the new one (the ciphertext stays); values still in
 * plaintext are sealed. Rows already on the new KEK are not read. Each write is a compare and
 * set, so the services keep running (configured with both KEKs) and a rerun is safe. It prints
 * what it did per column and exits 1 while anything is left on an old KEK
 * (docs/OPERATIONS.md, "Rotating the key-encryption key").
 *
 * The databases: `<SERVICE>_MYSQL_URL` (as the Kubernetes Secret names them) when set, else
 * `poolgraph_<service>` (or `--database`) on the `--mysql` server (MYSQL_SERVER_URL).
 */
import { parseArgs } from 'node:util';
import {
  connectMysql,
  keyringFromEnv,
  resealColumns,
  type Keyring,
  type SealedColumn,
} from '@poolgraph/platform';
import { sealedColumns as alertsColumns } from '@poolgraph/alerts/sealedColumns';
import { sealedColumns as usersColumns } from '@poolgraph/users/sealedColumns';
import { COMMON_OPTIONS, databasesFrom } from './lib/backup/options.ts';

/** The services whose databases hold sealed columns. */
const SEALED_COLUMNS: Record<string, readonly SealedColumn[]> = {
  users: usersColumns,
  alerts: alertsColumns,
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    mysql: COMMON_OPTIONS.mysql,
    database: COMMON_OPTIONS.database,
    'batch-size': { type: 'string', default: '200' },
  },
});
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  fail('--batch-size must be a whole number from 1 to 10000.');
}
if (!process.env.SECRETS_KEK) {
  fail(
    'SECRETS_KEK must name the new KEK (<id>:<base64 of 32 bytes>); SECRETS_KEK_PREVIOUS the old.',
  );
}
function ringFromEnv(): Keyring {
  try {
    return keyringFromEnv({
      NODE_ENV: 'production',
      SECRETS_KEK: process.env.SECRETS_KEK,
      SECRETS_KEK_PREVIOUS: process.env.SECRETS_KEK_PREVIOUS,
    });
  } catch (error) {
    return fail(`SECRETS_KEK or SECRETS_KEK_PREVIOUS: ${(error as Error).message}`);
  }
}
const ring = ringFromEnv();
const databases = databasesFrom(values.database);
const server = values.mysql.replace(/\/+$/, '');

let left = 0;
for (const [service, columns] of Object.entries(SEALED_COLUMNS)) {
  const url =
    process.env[`${service.toUpperCase()}_MYSQL_URL`] ?? `${server}/${databases[service]}`;
  const mysql = connectMysql({ url }, {});
  try {
    const results = await resealColumns(mysql.pool, ring, columns, { rewrap: true, batchSize });
    for (const r of results) {
      left += r.remaining;
      console.log(
        `${service}: ${r.table}.${r.column}: ${r.rewrapped} re-wrapped, ${r.sealed} sealed from plaintext, ` +
          `${r.changedMeanwhile} changed meanwhile, ${r.remaining} left on another KEK`,
      );
    }
  } catch (error) {
    fail(`${service}: ${(error as Error).message}; nothing after it was done, rerun once fixed.`);
  } finally {
    await mysql.close();
  }
}
if (left > 0) {
  fail(
    `${left} values are not on KEK "${ring.current.id}" yet: a service still seals with the old ` +
      'KEK as its SECRETS_KEK (restart every service with the new one first), or rows were ' +
      'written meanwhile; run it again.',
  );
}
console.log(
  `Every sealed secret is on KEK "${ring.current.id}". Once every service runs without ` +
    'SECRETS_KEK_PREVIOUS, the old KEK can be destroyed.',
);
