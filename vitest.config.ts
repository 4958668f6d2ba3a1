import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (20 s to 2 minutes each on the 2-core machine), longest first.
 * They start before the rest: a long file that starts last keeps one worker busy alone at the
 * end. Vitest orders by the durations it cached in earlier runs, but a clean clone has none.
 */
const LONG_FILES = [
  'client/e2e/app.test.ts',
  'subgraphs/ledger/test/moneySequences.test.ts',
  'scripts/test/chaos.test.ts',
  'scripts/test/backup.test.ts',
  'gateway/test/fuzz.test.ts',
  'gateway/test/partnerSubscriptions.test.ts',
  'deploy/test/docker.test.ts',
  'client/e2e/deals.test.ts',
];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONG_FILES.indexOf(relative(import.meta.dirname, file.moduleId));
      return index < 0 ? LONG_FILES.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Vitest gives our sources the ESM build while
    // Apollo, loaded by Node, gets the CJS one: two GraphQLError classes, so Apollo's instanceof
    // checks fail (e.g. "Context creation failed: " prefixes). Node and tsx load one copy; so must tests.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(import.meta.resolve('graphql')) }],
  },
  test: {
    include: [
      '**/test/**/*.test.ts',
      '**/src/**/*.test.ts',
      'client/src/**/*.test.tsx',
      'client/e2e/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**'],
    // A private MariaDB and Redis for the whole run (TEST_MYSQL_URL / TEST_REDIS_URL).
    globalSetup: ['test-stack/src/testServers.ts'],
    // Integration tests share one MariaDB and one Redis. Two workers leave a quiet 2-core machine
    // idle about a quarter of the time (tests wait on their stacks, timers and pages), and the
    // static checks fill some of it (scripts/test.ts); a third worker fills more. 2026-12-08, the
    // same machine: `npm test` 338–370 s with three against 370–385 s with two; with two busy
    // loops beside the suite, `vitest run` 404 s with three against 495 s with two. The two
    // failures seen with three were races in the code, since fixed.
    maxWorkers: 3,
    // Modules are kept between the files a worker runs (not vitest's default): importing the
    // services, Apollo and drizzle once per worker instead of once per file takes the suite's
    // import time from ~445 s to ~60 s. Each file still owns its databases, Redis prefix and
    // stacks. The failures once seen this way had causes of their own, since fixed: an e2e
    // reload loop that never let a slow page answer, a rate limiter that failed open on a busy
    // gateway, load left by processes a timed-out file never stopped (docs/CONTRIBUTING.md), and
    // a password-reset step that filled a form the next page was replacing.
    isolate: false,
    sequence: { sequencer: LongFilesFirst },
    testTimeout: 30_000,
    // expect.poll's own default (1 s) is shorter than a page can take to load and render on a
    // busy 2-core machine; a poll that passes returns as soon as it does, so only failures wait.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
