import { connect } from 'node:net';
import { errorCodes, graphql } from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

const ALLOWED = 'https://app.poolgraph.dev';
const MAX_BODY = 64 * 1024;
let echo: TestSubgraph;
let gateway: StartedGateway;

beforeAll(async () => {
  echo = await startSubgraph('echo', `${FEDERATION_LINK} type Query { hello: String }`, {
    Query: { hello: () => 'hi' },
  });
  const { verifier } = await createTestKeys();
  gateway = await startGateway({ supergraphSdl: supergraphOf(echo.source()) }, verifier, {
    limits: { corsOrigins: [ALLOWED], maxBodyBytes: MAX_BODY },
  });
});
afterAll(async () => {
  await gateway?.service.stop();
  await echo?.service.stop();
});

const preflight = (origin: string) =>
  fetch(`${gateway.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });

/**
 * Sends `bodyBytes` of body over a raw socket as a slow client would, and returns what the
 * server answered and how the connection ended ('end' is a clean close, 'reset' is not).
 */
function rawUpload(bodyBytes: number, declareLength: boolean) {
  const url = new URL(gateway.url);
  return new Promise<{ response: string; ending: string }>((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let response = '';
    let ending = 'open';
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => (ending = error.code ?? 'error'));
    socket.on('end', () => (ending = ending === 'open' ? 'end' : ending));
    socket.on('close', () => resolve({ response, ending }));
    const head = declareLength ? `content-length: ${bodyBytes}` : 'transfer-encoding: chunked';
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n${head}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bodyBytes && !socket.destroyed) {
        sent += chunk.length;
        const frame = declareLength
          ? chunk
          : Buffer.concat([
              Buffer.from(`${chunk.length.toString(16)}\r\n`),
              chunk,
              Buffer.from('\r\n'),
            ]);
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (!declareLength && !socket.destroyed) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

describe('HTTP limits', () => {
  it('answers a preflight from an allowed origin and lets its request read the answer', async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    const query = await graphql(gateway.url, '{ hello }', {}, { headers: { origin: ALLOWED } });
    expect(query.data).toEqual({ hello: 'hi' });
    const raw = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(raw.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('refuses a preflight from any other origin and gives its requests no CORS header', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const raw = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(raw.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a simple-request POST (CSRF prevention), which a browser sends without preflight', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent('{ hello }')}`);
    expect(get.status).toBe(400);
  });

  it('refuses a mutation sent with GET, even with the preflight header', async () => {
    const query = encodeURIComponent('mutation { hello }');
    const response = await fetch(`${gateway.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a batch (a JSON array of operations)', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ hello }' }, { query: '{ hello }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toBe('Operation batching disabled.');
  });

  it('answers 413 with REQUEST_TOO_LARGE to a body above the maximum', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ hello } #${'x'.repeat(MAX_BODY)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(errorCodes({ status: 413, ...body })).toEqual(['REQUEST_TOO_LARGE']);
    expect(body.errors[0]?.message).toBe(
      `Request body is larger than the limit of ${MAX_BODY} bytes.`,
    );
  });

  it.each([
    ['declared with content-length', true],
    ['sent chunked', false],
  ])(
    'lets a client still uploading a large body (%s) read the 413 before the close',
    async (_label, declared) => {
      const { response, ending } = await rawUpload(4 * 1024 * 1024, declared);
      expect(response).toMatch(/^HTTP\/1\.1 413 /);
      expect(response.toLowerCase()).toContain('connection: close');
      expect(response).toContain('REQUEST_TOO_LARGE');
      expect(ending).toBe('end');
    },
  );

  it('still answers after the refusals', async () => {
    expect((await graphql(gateway.url, '{ hello }')).data).toEqual({ hello: 'hi' });
  });
});
