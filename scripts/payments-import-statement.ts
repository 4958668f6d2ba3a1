/**
 * npm run payments:import-statement -- statement.csv: matches a bank statement (columns date,
 * reference, amount, currency, and transfer_id when the bank gives one; others ignored) to
 * bank-transfer contributions by reference and amount, through the ledger's two-phase
 * settlement; money for a contribution that had ended is held for a refund. Running it twice
 * changes nothing. Exits 1 when a line could not be matched.
 */
import { readFileSync } from 'node:fs';
import { matchStatement, openPaymentsTools } from '@poolgraph/ledger/payments';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run payments:import-statement -- <statement.csv>');
  process.exit(2);
}
const tools = openPaymentsTools();
try {
  const results = await matchStatement(tools.deps, readFileSync(file, 'utf8'));
  for (const r of results) {
    console.log(`line ${r.line}: ${r.outcome.padEnd(9)} ${r.reference} — ${r.detail}`);
  }
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  console.log(
    `${results.length} line(s): ${count('posted')} posted, ${count('partial')} partial, ` +
      `${count('held')} held for a refund, ${count('already')} already matched, ` +
      `${count('unmatched')} unmatched, ${count('refused')} refused`,
  );
  process.exitCode = count('unmatched') + count('refused') > 0 ? 1 : 0;
} finally {
  await tools.close();
}
