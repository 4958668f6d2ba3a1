/**
 * npm run test:repeat -- <file…> [--times N] [--stop-on-failure]: runs the given test files N
 * times (default 10), each run a fresh `vitest run` as `npm test` would run it, and prints one
 * line per run and a tally. Exits 1 when any run failed: a flaky test shows up as k of N.
 */
import './lib/nodeVersion.ts';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    times: { type: 'string', default: '10' },
    'stop-on-failure': { type: 'boolean', default: false },
  },
});
const times = Number(values.times);
if (positionals.length === 0 || !Number.isInteger(times) || times < 1) {
  console.error('Usage: npm run test:repeat -- <test file…> [--times N] [--stop-on-failure]');
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..');
const vitest = resolve(root, 'node_modules/.bin/vitest');
let failed = 0;
let runs = 0;
for (let run = 1; run <= times; run++) {
  runs++;
  const started = Date.now();
  const result = spawnSync(vitest, ['run', ...positionals], { cwd: root, encoding: 'utf8' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const passed = result.status === 0;
  if (!passed) failed++;
  console.log(`run ${run}/${times}: ${passed ? 'passed' : 'FAILED'} in ${seconds} s`);
  // A failure's whole output: the point of repeating is to see it.
  if (!passed) console.log(`${result.stdout}${result.stderr}`);
  if (!passed && values['stop-on-failure']) break;
}
console.log(`\n${runs - failed} of ${runs} runs passed (${positionals.join(' ')}).`);
process.exit(failed > 0 ? 1 : 0);
