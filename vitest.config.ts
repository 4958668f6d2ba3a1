import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    // Integration tests share one MariaDB and one Redis; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    // Isolated files (vitest's default). Keeping modules between files (`isolate: false`) cut
    // the suite's import time from ~280 s to ~40 s, but files that pass alone failed after
    // others in the same worker (an investor's notices never arrived; a rate limit let a fourth
    // request through). Replayed in one worker (`vitest.ordered.config.ts`), the notices failure
    // came back only after deploy/test/scrape and deploy/test/tracing, and only in 3 of 11 such
    // runs; those files leave no socket or timer behind. One file of each folder and then every
    // client/e2e file in one worker: 25 of 26 passed, client/e2e/app failed (a password-reset
    // page that never came) and passes alone. The cause is not found yet, so isolation stays on.
    testTimeout: 30_000,
    // expect.poll's own default (1 s) is shorter than a page can take to load and render on a
    // busy 2-core machine; a poll that passes returns as soon as it does, so only failures wait.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
