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
    // A worker keeps the modules it loaded for its next test file instead of importing the
    // services, Apollo and drizzle again for each of them: that import was most of the suite's
    // CPU time. Files still get their own databases, Redis prefixes and servers; what a file
    // changes in its process (env, timers, listeners) it puts back in afterAll/afterEach.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
