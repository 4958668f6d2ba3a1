import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The web app's server passes /graphql on to the gateway; the gateway can only tell browsers
// apart if the server says whose request it passes (X-Forwarded-For), over HTTP and WebSocket.
const seen: IncomingHttpHeaders[] = [];
const gateway = createHttpServer((req, res) => {
  seen.push(req.headers);
  res.setHeader('content-type', 'application/json');
  res.end('{"data":{}}');
});
const sockets = new WebSocketServer({ server: gateway });
sockets.on('connection', (_socket, req) => void seen.push(req.headers));
let web: ViteDevServer;
let webUrl: string;

beforeAll(async () => {
  await new Promise<void>((done) => gateway.listen(0, '127.0.0.1', done));
  process.env.GATEWAY_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  const root = resolve(import.meta.dirname, '..');
  web = await createViteServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1' },
  });
  await web.listen();
  webUrl = `http://127.0.0.1:${(web.httpServer!.address() as AddressInfo).port}`;
});
const gatewayUrlBefore = process.env.GATEWAY_URL;
afterAll(async () => {
  if (gatewayUrlBefore === undefined) delete process.env.GATEWAY_URL;
  else process.env.GATEWAY_URL = gatewayUrlBefore;
  await web?.close();
  sockets.close();
  await new Promise((done) => gateway.close(done));
});

describe('the web app’s /graphql proxy', () => {
  it('appends the browser’s address to X-Forwarded-For on HTTP requests', async () => {
    seen.length = 0;
    await fetch(`${webUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.1' },
      body: '{"query":"{ __typename }"}',
    });
    // What the browser claimed stays on the left; the address the server saw is appended.
    expect(seen[0]?.['x-forwarded-for']).toMatch(/^203\.0\.113\.1,\s*(::ffff:)?127\.0\.0\.1$/);
  });

  it('appends it on WebSocket upgrades too', async () => {
    seen.length = 0;
    const socket = new WebSocket(`${webUrl.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done());
      socket.once('error', fail);
    });
    socket.close();
    expect(seen[0]?.['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
