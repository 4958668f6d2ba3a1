import { Readable } from 'node:stream';
import { connectMysql } from '@poolgraph/platform';
import { schema as ledgerSchema } from '@poolgraph/ledger/db';
import { call, type Auth } from './lib/graphql.ts';
import { generateTransactions } from './import/generate.ts';
import { importTransactions } from './import/importer.ts';

/** The demo's history: small enough to import in a few seconds, big enough for rankings to mean something. */
export const DEMO_HISTORY = { rows: 5_000, investors: 400, pools: 40, seed: 2026 };

/**
 * Imports a generated history through the importer (as an operator would with
 * `npm run import`), so the reports have years of contributions to rank. Re-running replays
 * every row and changes nothing. `usersMysqlUrl` names the users database; the ledger's is its
 * sibling `poolgraph_ledger` on the same server (as npm start names them).
 */
export async function seedReports(options: {
  gatewayUrl: string;
  usersMysqlUrl: string;
  adminEmail: string;
  adminPassword: string;
}): Promise<void> {
  const { logIn } = await call<{ logIn: Auth }>(
    options.gatewayUrl,
    'mutation SeedReportsLogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }',
    { email: options.adminEmail, password: options.adminPassword },
  );
  const ledgerUrl = new URL(options.usersMysqlUrl);
  ledgerUrl.pathname = '/poolgraph_ledger';
  const ledger = connectMysql({ url: ledgerUrl.toString() }, ledgerSchema);
  try {
    const summary = await importTransactions({
      input: Readable.from(generateTransactions(DEMO_HISTORY)),
      gatewayUrl: options.gatewayUrl,
      token: logIn.accessToken,
      ledgerDb: ledger.db,
    });
    console.log(
      `Demo history: ${summary.posted} contributions imported, ${summary.replayed} already there.`,
    );
  } finally {
    await ledger.close();
  }
}
