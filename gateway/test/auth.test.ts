import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  trustOf,
  unsignedToken,
  type SeenRequest,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

const typeDefs = `${FEDERATION_LINK}
  type Query {
    "What this subgraph received from the gateway."
    seen: Seen!
  }
  type Seen { authorization: String requestId: String! forwardedFor: String }`;

const SEEN = 'query Seen { seen { authorization requestId forwardedFor } }';

describe('gateway authentication', () => {
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  let echo: TestSubgraph;
  let gateway: StartedGateway;

  beforeAll(async () => {
    keys = await createTestKeys();
    echo = await startSubgraph('echo', typeDefs, {
      Query: { seen: (_: unknown, __: unknown, ctx: { seen: SeenRequest }) => ctx.seen },
    });
    gateway = await startGateway({ supergraphSdl: supergraphOf(echo.source()) }, keys.verifier);
  });

  afterAll(async () => {
    await gateway?.service.stop();
    await echo?.service.stop();
  });

  it('forwards a valid bearer token to the subgraph unchanged', async () => {
    const token = await keys.sign('user-1');
    const response = await graphql<{ seen: SeenRequest }>(gateway.url, SEEN, {}, { token });
    expect(response.status).toBe(200);
    expect(expectData(response).seen.authorization).toBe(`Bearer ${token}`);
  });

  it('serves a request without a token as anonymous', async () => {
    const response = await graphql<{ seen: SeenRequest }>(gateway.url, SEEN);
    expect(response.status).toBe(200);
    expect(expectData(response).seen.authorization).toBeNull();
  });

  it('forwards the client request id and echoes it', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-req-42' },
      body: JSON.stringify({ query: SEEN }),
    });
    const body = (await response.json()) as { data: { seen: SeenRequest } };
    expect(response.headers.get('x-request-id')).toBe('client-req-42');
    expect(body.data.seen.requestId).toBe('client-req-42');
  });

  it('forwards the connecting address and ignores an x-forwarded-for the client forged', async () => {
    const response = await graphql<{ seen: SeenRequest }>(
      gateway.url,
      SEEN,
      {},
      {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      },
    );
    expect(expectData(response).seen.forwardedFor).toBe('127.0.0.1');
  });

  it('takes the client address from a trusted proxy when told to', async () => {
    const behindProxy = await startGateway(
      { supergraphSdl: supergraphOf(echo.source()) },
      keys.verifier,
      { trustedProxies: trustOf('loopback') },
    );
    try {
      const response = await graphql<{ seen: SeenRequest }>(
        behindProxy.url,
        SEEN,
        {},
        {
          headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' },
        },
      );
      expect(expectData(response).seen.forwardedFor).toBe('198.51.100.7');
    } finally {
      await behindProxy.service.stop();
    }
  });

  it('generates a request id when the client sends none and passes the same one on', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SEEN }),
    });
    const body = (await response.json()) as { data: { seen: SeenRequest } };
    const echoed = response.headers.get('x-request-id');
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data.seen.requestId).toBe(echoed);
  });

  it('rejects a token signed by another key with 401 UNAUTHENTICATED', async () => {
    const stranger = await createTestKeys('test-key');
    const token = await stranger.sign('user-1');
    const response = await graphql(gateway.url, SEEN, {}, { token });
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([
      { message: 'The access token is not valid.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });

  it('rejects an expired token with 401 and says it expired', async () => {
    const token = await keys.sign('user-1', Math.floor(Date.now() / 1000) - 60);
    const response = await graphql(gateway.url, SEEN, {}, { token });
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([
      { message: 'The access token has expired.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });

  it('rejects an unsigned alg none token with 401', async () => {
    const response = await graphql(gateway.url, SEEN, {}, { token: unsignedToken('admin-1') });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeUndefined();
  });

  it('rejects an authorization header that is not a bearer token with 401', async () => {
    const response = await graphql(
      gateway.url,
      SEEN,
      {},
      { headers: { authorization: 'Basic abc' } },
    );
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('echoes the request id on a rejected request too', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer not-a-jwt',
        'x-request-id': 'rejected-1',
      },
      body: JSON.stringify({ query: SEEN }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('rejected-1');
    expect(JSON.stringify(await response.json())).not.toMatch(/stacktrace|at .*\.ts/);
  });
});
