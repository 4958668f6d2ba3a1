/**
 * Builds the app and serves the build (Vite's preview server), passing /graphql (HTTP and
 * WebSocket) to the gateway. `npm start` at the root runs it; alone: `npm start -w @poolgraph/client`.
 * GATEWAY_URL (default http://127.0.0.1:4000) and CLIENT_PORT (default 5173) say where.
 * `--no-build` serves the existing dist/.
 */
import { resolve } from 'node:path';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '..');
const configFile = resolve(root, 'vite.config.ts');

if (!process.argv.includes('--no-build')) {
  await build({ root, configFile, logLevel: 'warn' });
}
const server = await preview({ root, configFile });
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${process.env.CLIENT_PORT ?? 5173}/`;
console.log(`web app at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
