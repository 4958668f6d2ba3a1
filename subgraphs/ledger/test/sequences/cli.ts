/**
 * `npm run test:money -- --runs N --seed S [--length L]`: more seeded money sequences than
 * `npm test` runs, on a stack of its own (the test databases' prefix, removed at the end).
 * Prints the first failing sequence, shrunk, and exits 1; otherwise a summary.
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '@poolgraph/testing';
import { assertBooksBalance } from '../../src/books.ts';
import { startPaymentsStack } from '../payments.ts';
import { castFor, runSequence, shrink } from './run.ts';
import { describeSteps, drawSequence } from './steps.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    length: { type: 'string', default: '12' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const length = Number(values.length);
if (![runs, seed, length].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--runs, --seed and --length take positive whole numbers');
  process.exit(2);
}

const say = (line: string) => process.stdout.write(`${line}\n`);

const ps = await startPaymentsStack();
let exitCode = 0;
try {
  const cast = await castFor(ps);
  const random = seededRandom(seed);
  const started = Date.now();
  for (let run = 0; run < runs; run++) {
    const steps = drawSequence(random, length);
    const failure = await runSequence(ps, cast, steps);
    if (failure) {
      const small = await shrink(ps, cast, steps, failure);
      say(`FAIL run ${run + 1} of ${runs}, seed ${seed}: ${small.error}`);
      say(`shrunk from ${steps.length} to ${small.steps.length} steps:`);
      say(describeSteps(small.steps));
      exitCode = 1;
      break;
    }
    if (process.stdout.isTTY) process.stdout.write(`\r${run + 1}/${runs} sequences passed`);
  }
  await assertBooksBalance(ps.ledger.db);
  if (exitCode === 0) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(`\n${runs} sequences of ${length} steps passed (seed ${seed}) in ${seconds} s`);
  }
} finally {
  await ps.stop();
}
process.exit(exitCode);
