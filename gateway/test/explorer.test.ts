import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRoutes } from '../src/explorer.ts';

function serve(
  routes: ReturnType<typeof explorerRoutes>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) void route(req, res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

describe('the GraphiQL explorer routes', () => {
  let dist: string;
  let built: { server: Server; url: string };
  let missing: { server: Server; url: string };

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'explorer-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>explorer</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    built = await serve(explorerRoutes(dist));
    missing = await serve(explorerRoutes(join(dist, 'nope')));
  });
  afterAll(() => {
    built.server.close();
    missing.server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the page at /explorer and its hashed assets with long-lived caching', async () => {
    const page = await fetch(`${built.url}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>explorer</title>');
    const asset = await fetch(`${built.url}/explorer/assets/index-abc.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serves nothing outside the bundle, and only to GET', async () => {
    expect((await fetch(`${built.url}/explorer/../package.json`)).status).toBe(404);
    expect((await fetch(`${built.url}/explorer/assets/other.js`)).status).toBe(404);
    expect((await fetch(`${built.url}/explorer`, { method: 'POST' })).status).toBe(405);
  });

  it('says how to build it when the bundle is missing', async () => {
    const response = await fetch(`${missing.url}/explorer`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:explorer');
  });
});
