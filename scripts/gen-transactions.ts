/**
 * npm run gen:transactions -- --rows 1000000 --investors 50000 --pools 2000 --seed 42 > tx.csv
 *
 * Writes a realistic dataset in the import format: investor and pool popularity are skewed
 * (Zipf-like: a few investors make most contributions, a few pools draw most money), investors
 * invest repeatedly in pools they already hold, amounts are round numbers (so equal totals —
 * ties — are common), dates span 2019–2025 in the three accepted formats. Same seed, same file.
 */
import { parseArgs } from 'node:util';
import { generateTransactions } from './import/generate.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    investors: { type: 'string', default: '5000' },
    pools: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
  },
});
const options = {
  rows: Number(values.rows),
  investors: Number(values.investors),
  pools: Number(values.pools),
  seed: Number(values.seed),
};
for (const [name, value] of Object.entries(options)) {
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer`);
    process.exit(1);
  }
}

let buffer = '';
for (const line of generateTransactions(options)) {
  buffer += line;
  if (buffer.length > 1 << 16) {
    if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
    buffer = '';
  }
}
process.stdout.write(buffer);
