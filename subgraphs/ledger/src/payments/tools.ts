import { connectMysql, createLogger } from '@poolgraph/platform';
import { schema } from '../db/index.ts';
import { loadEnv, paymentsFromEnv } from '../env.ts';
import { createPayments, DEFAULT_PAYMENTS } from './index.ts';
import { reconcile, type Mismatch } from './reconcile.ts';
import { matchStatement, type StatementLineResult } from './statement.ts';

export type { Mismatch, StatementLineResult };
export { createPayments, DEFAULT_PAYMENTS, reconcile, matchStatement };
export { STRIPE_WEBHOOK_EVENTS } from './webhook.ts';

/**
 * The payment services over the ledger's database and the providers the ledger's environment
 * configures (MYSQL_URL, STRIPE_*), for operator commands (`npm run payments:reconcile`,
 * `npm run payments:import-statement`). Settlements they make are published by the running
 * ledger's outbox relay (it polls every second).
 */
export function openPaymentsTools() {
  const env = loadEnv();
  const mysql = connectMysql({ url: env.MYSQL_URL }, schema);
  const deps = createPayments(
    paymentsFromEnv(env),
    mysql.db,
    createLogger('payments', 'warn'),
    () => {},
  );
  return { deps, close: () => mysql.close() };
}
