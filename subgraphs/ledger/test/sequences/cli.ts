/**
 * `npm run test:money -- --runs N --seed S [--length L]`: more seeded money sequences than
 * `npm test` runs. It runs the same test file through vitest (so the run gets the suite's own
 * private MariaDB and Redis), passing the figures through MONEY_SEQUENCES_*; a failure prints
 * the failing sequence, shrunk, and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    length: { type: 'string', default: '12' },
  },
});
for (const [name, value] of Object.entries(values)) {
  if (!/^[1-9]\d*$/.test(value)) {
    process.stderr.write(`--${name} takes a positive whole number, not "${value}"\n`);
    process.exit(2);
  }
}
const root = resolve(import.meta.dirname, '../../../..');
const result = spawnSync(
  resolve(root, 'node_modules/.bin/vitest'),
  ['run', 'subgraphs/ledger/test/moneySequences.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      MONEY_SEQUENCES_RUNS: values.runs,
      MONEY_SEQUENCES_SEED: values.seed,
      MONEY_SEQUENCES_LENGTH: values.length,
    },
  },
);
process.exit(result.status ?? 1);
