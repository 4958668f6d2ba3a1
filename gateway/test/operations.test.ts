import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  eventually,
  freePort,
  graphql,
  nodeEntryArgs,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

// In production, readiness detail (internal addresses) and metrics are for operators only:
// they need the operations token. Introspection is off.
const OPS_TOKEN = 'ops-token-for-prometheus-0123456789';
const ROOT = resolve(import.meta.dirname, '../..');
let echo: TestSubgraph;
let gateway: StartedGateway;

beforeAll(async () => {
  echo = await startSubgraph('echo', `${FEDERATION_LINK} type Query { hello: String }`, {
    Query: { hello: () => 'hi' },
  });
  const keys = await createTestKeys();
  gateway = await startGateway({ supergraphSdl: supergraphOf(echo.source()) }, keys.verifier, {
    production: true,
    operationsToken: OPS_TOKEN,
  });
});
afterAll(async () => {
  await gateway?.service.stop();
  await echo?.service.stop();
});

const get = (url: string, token?: string) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('operational endpoints in production', () => {
  it('/readyz tells anyone whether the gateway is ready, and only the operator which subgraph is where', async () => {
    const anonymous = await get(`${gateway.url}/readyz`);
    expect(anonymous.status).toBe(200);
    const body = await anonymous.text();
    expect(JSON.parse(body)).toEqual({ ready: true });
    expect(body).not.toContain('127.0.0.1');
    const operator = await (await get(`${gateway.url}/readyz`, OPS_TOKEN)).json();
    expect(operator).toMatchObject({ ready: true, checks: [{ name: 'echo', ok: true }] });
  });

  it('/metrics answers 401 without the operations token and serves Prometheus with it', async () => {
    expect((await get(`${gateway.url}/metrics`)).status).toBe(401);
    expect((await get(`${gateway.url}/metrics`, 'a-wrong-token-of-enough-length')).status).toBe(
      401,
    );
    const scrape = await get(`${gateway.url}/metrics`, OPS_TOKEN);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('graphql_requests_total');
  });

  it('refuses introspection', async () => {
    const response = await graphql(gateway.url, '{ __schema { queryType { name } } }');
    expect(response.data?.__schema).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('a subgraph started with NODE_ENV=production guards /metrics and /readyz detail too', async () => {
    let database: TestDatabase | undefined;
    let child: ChildProcess | undefined;
    try {
      database = await createTestDatabase('users');
      const port = await freePort();
      // node itself (not npx), so that killing it stops the service.
      child = spawn(process.execPath, await nodeEntryArgs('subgraphs/users/src/index.ts'), {
        cwd: ROOT,
        stdio: 'ignore',
        env: {
          ...process.env,
          NODE_ENV: 'production',
          OPS_TOKEN,
          PORT: String(port),
          MYSQL_URL: database.url,
          REDIS_URL: TEST_REDIS_URL,
          REDIS_PREFIX: uniqueRedisPrefix('users-production'),
          // Production's sign-ups confirm by email, so users needs a mail server; none is used.
          SMTP_URL: 'smtp://127.0.0.1:9',
          // Production seals the signing keys: without a KEK users refuses to start.
          SECRETS_KEK: `operations-test:${randomBytes(32).toString('base64')}`,
          LOG_LEVEL: 'silent',
        },
      });
      const base = `http://127.0.0.1:${port}`;
      await eventually(async () => expect((await get(`${base}/healthz`)).status).toBe(200), 30_000);
      expect(await (await get(`${base}/readyz`)).json()).toEqual({ ready: true });
      expect((await get(`${base}/metrics`)).status).toBe(401);
      expect((await get(`${base}/metrics`, OPS_TOKEN)).status).toBe(200);
    } finally {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child!.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await database?.drop();
    }
  }, 60_000);
});
