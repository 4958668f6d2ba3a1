import { describe, expect, it } from 'vitest';
import { seededRandom } from '@poolgraph/testing';
import { usePaymentsStack } from './payments.ts';
import { castFor, runSequence, shrink } from './sequences/run.ts';
import { describeSteps, drawSequence } from './sequences/steps.ts';

// `npm run test:money -- --runs N --seed S` runs more of the same, with a report.
const RUNS = 100;
const LENGTH = 12;
const SEED = 20_261_205;

const ps = usePaymentsStack();

describe('money sequences', () => {
  it(`keeps every rule after each step of ${RUNS} seeded interleavings of payments, movements and lifecycle changes`, async () => {
    const cast = await castFor(ps);
    const random = seededRandom(SEED);
    for (let run = 0; run < RUNS; run++) {
      const steps = drawSequence(random, LENGTH);
      const failure = await runSequence(ps, cast, steps);
      if (failure) {
        const small = await shrink(ps, cast, steps, failure);
        expect.fail(`run ${run} (seed ${SEED}): ${small.error}\n${describeSteps(small.steps)}`);
      }
    }
  }, 600_000);
});
