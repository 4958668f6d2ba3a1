import { describe, expect, it } from 'vitest';
import { seededRandom } from '@poolgraph/testing';
import { usePaymentsStack } from './payments.ts';
import { castFor, runSequence, shrink } from './sequences/run.ts';
import { describeSteps, drawSequence } from './sequences/steps.ts';

// `npm run test:money -- --runs N --seed S [--length L]` runs this file with other figures.
const figure = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = figure('MONEY_SEQUENCES_RUNS', 100);
const SEED = figure('MONEY_SEQUENCES_SEED', 20_261_205);
const LENGTH = figure('MONEY_SEQUENCES_LENGTH', 12);

const ps = usePaymentsStack();

describe('money sequences', () => {
  it(
    `keeps every rule after each step of ${RUNS} seeded interleavings of payments, movements and lifecycle changes`,
    async () => {
      const cast = await castFor(ps);
      const random = seededRandom(SEED);
      const started = Date.now();
      for (let run = 0; run < RUNS; run++) {
        const steps = drawSequence(random, LENGTH);
        const failure = await runSequence(ps, cast, steps);
        if (failure) {
          const small = await shrink(ps, cast, steps, failure);
          expect.fail(
            `run ${run + 1} of ${RUNS} (seed ${SEED}, length ${LENGTH}): ${small.error}\n` +
              `shrunk from ${steps.length} to ${small.steps.length} steps:\n${describeSteps(small.steps)}`,
          );
        }
      }
      process.stdout.write(
        `${RUNS} sequences of ${LENGTH} steps (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
    60_000 + RUNS * 10_000,
  );
});
