/**
 * npm run reports:rebuild [-- --email E --password P] [--gateway URL] [--reports-mysql URL]
 *
 * Rebuilds the reports read models from the ledger's history (Query.ledgerHistoryConnection, ADMIN):
 * fresh tables, filled, swapped in atomically, then caught up; answers are identical before
 * and after. Safe while the stack runs. Credentials: REPORTS_ADMIN_EMAIL /
 * REPORTS_ADMIN_PASSWORD or the flags.
 */
import { parseArgs } from 'node:util';
import { ledgerHistoryReader } from '@poolgraph/reports/peers/ledger';
import { rebuildReadModels } from '@poolgraph/reports/rebuild';
import { call, type Auth } from './lib/graphql.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string', default: process.env.REPORTS_ADMIN_EMAIL },
    password: { type: 'string', default: process.env.REPORTS_ADMIN_PASSWORD },
    gateway: {
      type: 'string',
      default: process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
    },
    'reports-mysql': {
      type: 'string',
      default: process.env.REPORTS_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/poolgraph_reports',
    },
  },
});
if (!values.email || !values.password) {
  console.error('usage: npm run reports:rebuild -- --email ADMIN_EMAIL --password ADMIN_PASSWORD');
  process.exit(1);
}
const { logIn } = await call<{ logIn: Auth }>(
  values.gateway,
  'mutation RebuildLogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }',
  { email: values.email, password: values.password },
);
const started = Date.now();
const { transactions } = await rebuildReadModels({
  mysqlUrl: values['reports-mysql'],
  readHistory: ledgerHistoryReader(values.gateway, logIn.accessToken),
  onProgress: (n) => {
    if (n % 100_000 < 2_000) console.log(`${n} transactions replayed`);
  },
});
console.log(
  `Rebuilt from ${transactions} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
