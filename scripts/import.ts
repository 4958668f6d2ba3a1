/**
 * npm run import -- transactions.csv [--email E --password P] [--gateway URL] [--currency USD]
 *
 * Loads historical contributions (investor_id,syndicate_id,transaction_amount,transaction_date)
 * into the ledger through its bulk path, creating missing investors and pools; see
 * subgraphs/reports/README.md ("Import"). Needs the stack running (users, pools, the gateway)
 * and an ADMIN's credentials (IMPORT_ADMIN_EMAIL / IMPORT_ADMIN_PASSWORD or the flags). Writes
 * bad rows to stderr as "line N: reason"; exits 0 when every row imported, 2 when some were
 * bad (the good ones are imported), 1 on failure.
 */
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectMysql } from '@poolgraph/platform';
import { schema as ledgerSchema } from '@poolgraph/ledger/db';
import { call, type Auth } from './lib/graphql.ts';
import { importTransactions } from './import/importer.ts';
import { progressReporter } from './import/progress.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string', default: process.env.IMPORT_ADMIN_EMAIL },
    password: { type: 'string', default: process.env.IMPORT_ADMIN_PASSWORD },
    gateway: {
      type: 'string',
      default: process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
    },
    'ledger-mysql': {
      type: 'string',
      default: process.env.LEDGER_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/poolgraph_ledger',
    },
    currency: { type: 'string', default: 'USD' },
  },
});

const [file] = positionals;
if (!file || !values.email || !values.password) {
  console.error(
    'usage: npm run import -- file.csv --email ADMIN_EMAIL --password ADMIN_PASSWORD [--gateway URL] [--currency USD]\n' +
      '(or IMPORT_ADMIN_EMAIL / IMPORT_ADMIN_PASSWORD, GATEWAY_URL, LEDGER_MYSQL_URL)',
  );
  process.exit(1);
}

const { logIn } = await call<{ logIn: Auth }>(
  values.gateway,
  'mutation ImportLogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }',
  { email: values.email, password: values.password },
);
const ledger = connectMysql({ url: values['ledger-mysql'] }, ledgerSchema);
const progress = progressReporter(process.stderr);
try {
  const summary = await importTransactions({
    input: createReadStream(file),
    totalBytes: statSync(file).size,
    gatewayUrl: values.gateway,
    token: logIn.accessToken,
    ledgerDb: ledger.db,
    currency: values.currency,
    onProgress: (p) => progress.update(p),
    onBadRow: (line, problem) => console.error(`line ${line}: ${problem}`),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${Math.round(summary.rows / Math.max(summary.seconds, 0.001))} rows/s): ` +
      `${summary.posted} posted, ${summary.replayed} already imported, ${summary.bad} bad ` +
      `(investors and pools ${summary.resolveSeconds.toFixed(1)} s, posting ${summary.postSeconds.toFixed(1)} s, overlapped)`,
  );
  process.exitCode = summary.bad > 0 ? 2 : 0;
} catch (error) {
  console.error(`import failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await ledger.close();
}
