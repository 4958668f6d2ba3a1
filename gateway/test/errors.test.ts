import { invalidCredential } from '@poolgraph/auth';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
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

const accountsTypeDefs = `${FEDERATION_LINK}
  type Query { account(id: ID!): Account  accounts(first: Int!): [Account!]! }
  type Account @key(fields: "id") { id: ID! name: String! }`;

const stockTypeDefs = `${FEDERATION_LINK}
  type Query { stockLevel: Int  slowStockLevel: Int }
  type Account @key(fields: "id") { id: ID! balance: Int }`;

const vaultTypeDefs = `${FEDERATION_LINK} type Query { secret: String }`;

const account = (id: string) => ({ id, name: `Account ${id}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A sample's value from Prometheus text, whatever the order of its labels; 0 when absent. */
function metricValue(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
const noStacktrace = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/stacktrace/);

describe('gateway errors', () => {
  let accounts: TestSubgraph;
  let stock: TestSubgraph;
  let vault: TestSubgraph;
  let gateway: StartedGateway;

  beforeAll(async () => {
    accounts = await startSubgraph('accounts', accountsTypeDefs, {
      Query: {
        account: (_: unknown, { id }: { id: string }) => account(id),
        accounts: (_: unknown, { first }: { first: number }) =>
          Array.from({ length: first }, (_v, i) => account(String(i + 1))),
      },
      Account: { __resolveReference: ({ id }: { id: string }) => account(id) },
    });
    stock = await startSubgraph('stock', stockTypeDefs, {
      Query: {
        stockLevel: () => 7,
        slowStockLevel: async () => {
          await sleep(3_000);
          return 8;
        },
      },
      Account: { __resolveReference: ({ id }: { id: string }) => ({ id, balance: 100 }) },
    });
    // Stands for a subgraph whose own token check fails although the gateway's passed.
    vault = await startSubgraph('vault', vaultTypeDefs, { Query: { secret: () => 's' } }, () =>
      Promise.reject(invalidCredential('The access token is not valid.')),
    );
    const { verifier } = await createTestKeys();
    const supergraphSdl = supergraphOf(accounts.source(), stock.source(), vault.source());
    // Long enough for a cold first request on a busy machine; slowStockLevel outlasts it.
    gateway = await startGateway({ supergraphSdl }, verifier, { subgraphTimeoutMs: 1_500 });
  });

  afterAll(async () => {
    await gateway?.service.stop();
    await Promise.all([accounts, stock, vault].map((subgraph) => subgraph?.service.stop()));
  });

  it('joins an entity across two subgraphs', async () => {
    const response = await graphql(
      gateway.url,
      'query Joined { account(id: "1") { name balance } }',
    );
    expect(expectData(response)).toEqual({ account: { name: 'Account 1', balance: 100 } });
  });

  it('is ready while every subgraph answers /healthz', async () => {
    const response = await fetch(`${gateway.url}/readyz`);
    const report = (await response.json()) as { checks: Array<{ name: string; ok: boolean }> };
    expect(response.status).toBe(200);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['accounts', true],
      ['stock', true],
      ['vault', true],
    ]);
  });

  it('answers a malformed query with 400 GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const response = await graphql(gateway.url, 'query { account(id: "1") { name ');
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
    noStacktrace(response);
  });

  it('answers an unknown field with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await graphql(gateway.url, '{ account(id: "1") { password } }');
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    noStacktrace(response);
  });

  it('answers a variable of the wrong type with 400 BAD_USER_INPUT', async () => {
    const query = 'query Many($first: Int!) { accounts(first: $first) { id } }';
    const response = await graphql(gateway.url, query, { first: 'ten' });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    noStacktrace(response);
  });

  it('names the subgraph that did not answer within the timeout', async () => {
    const response = await graphql(
      gateway.url,
      'query Slow { slowStockLevel account(id: "2") { name } }',
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ slowStockLevel: null, account: { name: 'Account 2' } });
    expect(response.errors).toEqual([
      {
        message: 'Subgraph "stock" is unavailable: no answer within 1500 ms.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'stock' },
      },
    ]);
  });

  it("passes on a subgraph's own rejection with its code, naming the subgraph", async () => {
    const response = await graphql(gateway.url, 'query Secret { secret account(id: "5") { id } }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ secret: null, account: { id: '5' } });
    expect(response.errors).toEqual([
      {
        message: 'The access token is not valid.',
        extensions: { code: 'UNAUTHENTICATED', serviceName: 'vault' },
      },
    ]);
  });

  describe('when a subgraph is down', () => {
    beforeAll(async () => {
      await stock.service.stop();
    });

    it('returns the other subgraphs data and an error naming the stopped one', async () => {
      const response = await graphql(
        gateway.url,
        'query Partial { account(id: "3") { name balance } }',
      );
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ account: { name: 'Account 3', balance: null } });
      expect(response.errors).toEqual([
        {
          message: 'Subgraph "stock" is unavailable: ECONNREFUSED.',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'stock' },
        },
      ]);
    });

    it('reports not ready naming the subgraph while /healthz stays 200', async () => {
      const ready = await fetch(`${gateway.url}/readyz`);
      const report = (await ready.json()) as { checks: Array<{ name: string; ok: boolean }> };
      expect(ready.status).toBe(503);
      expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['stock']);
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    });

    it('counts requests by operation, subgraph fetch latency and failures in /metrics', async () => {
      await graphql(gateway.url, 'query Joined { account(id: "4") { name balance } }');
      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      // No manifest names "Joined": the client's free text is labelled `other`.
      expect(
        metricValue(metrics, 'graphql_requests_total', { operation: 'other' }),
      ).toBeGreaterThan(0);
      expect(
        metricValue(metrics, 'subgraph_fetch_duration_seconds_count', { subgraph: 'accounts' }),
      ).toBeGreaterThan(0);
      expect(
        metricValue(metrics, 'subgraph_fetch_failures_total', {
          subgraph: 'stock',
          reason: 'unreachable',
        }),
      ).toBeGreaterThan(0);
      expect(
        metricValue(metrics, 'graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE' }),
      ).toBeGreaterThan(0);
    });
  });
});
