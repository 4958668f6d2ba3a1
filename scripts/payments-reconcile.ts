/**
 * npm run payments:reconcile [-- --pool <id>] [--days 30] [--json]: lists every mismatch
 * between the payment providers' records and the ledger (the ledger's environment: MYSQL_URL,
 * STRIPE_*). Exits 1 when there is any, so it can run from cron or CI.
 */
import { parseArgs } from 'node:util';
import { openPaymentsTools, reconcile } from '@poolgraph/ledger/payments';

const { values } = parseArgs({
  options: {
    pool: { type: 'string' },
    days: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > 365) {
  console.error('--days must be a whole number from 1 to 365');
  process.exit(2);
}
const tools = openPaymentsTools();
try {
  const mismatches = await reconcile(tools.deps, { poolId: values.pool ?? null, days });
  if (values.json) {
    console.log(
      JSON.stringify(mismatches, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2),
    );
  } else if (mismatches.length === 0) {
    console.log(`No mismatches between the providers and the ledger in the last ${days} days.`);
  } else {
    console.log(
      `${mismatches.length} mismatch(es) in the last ${days} days (amounts in minor units):`,
    );
    for (const m of mismatches) {
      console.log(
        `  ${m.kind.padEnd(27)} ${m.provider.padEnd(6)} ${m.providerPaymentId ?? '-'} ` +
          `tx ${m.transactionId ?? '-'} ledger ${m.ledgerStatus ?? '-'} ${m.ledgerAmount ?? '-'} ` +
          `provider ${m.providerStatus ?? '-'} ${m.providerAmount ?? '-'} ${m.currency}`,
      );
    }
  }
  process.exitCode = mismatches.length === 0 ? 0 : 1;
} finally {
  await tools.close();
}
