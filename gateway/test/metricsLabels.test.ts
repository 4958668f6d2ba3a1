import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Every `operation` label value comes from a set the server knows: the gateway's persisted
// manifests, a subgraph's own root fields, or `other`. A client inventing names must not be
// able to grow /metrics (and Prometheus' memory) one series per name.
const KNOWN = 'query KnownHello { hello }';
let dir: string;
let echo: TestSubgraph;
let gateway: StartedGateway;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'metrics-labels-'));
  const id = createHash('sha256').update(KNOWN).digest('hex');
  await writeFile(
    join(dir, 'known.json'),
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id, body: KNOWN, name: 'KnownHello', type: 'query' }],
    }),
  );
  echo = await startSubgraph('echo', `${FEDERATION_LINK} type Query { hello: String }`, {
    Query: { hello: () => 'hi' },
  });
  const keys = await createTestKeys();
  gateway = await startGateway({ supergraphSdl: supergraphOf(echo.source()) }, keys.verifier, {
    persistedQueriesDir: dir,
    watchPersistedQueries: false,
  });
});
afterAll(async () => {
  await gateway?.service.stop();
  await echo?.service.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The `graphql_*` series a scrape exposes: each sample line's name and labels, no value. */
async function series(url: string): Promise<Set<string>> {
  const text = await (await fetch(`${url.replace(/\/graphql$/, '')}/metrics`)).text();
  return new Set(
    text
      .split('\n')
      .filter((line) => line.startsWith('graphql_'))
      .map((line) => line.slice(0, line.lastIndexOf(' '))),
  );
}

const post = (url: string, body: object) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => response.status);

/** The request shapes a hostile client names: valid, unknown operationName, invalid, refused. */
function randomRequest(i: number): object {
  const name = `N${randomBytes(8).toString('hex')}`;
  switch (i % 4) {
    case 0:
      return { query: `query ${name} { hello }` };
    case 1:
      return { query: `query ${name} { hello }`, operationName: `${name}x` };
    case 2:
      return { query: `query ${name} { nope }`, operationName: name };
    default:
      return { query: `query ${name} { hello`, operationName: name };
  }
}

async function sendRandomNames(url: string, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
      post(url, randomRequest(i + j)),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

describe('metrics labels', () => {
  it('adds no series for 1,000 random operation names sent to the gateway', async () => {
    const url = `${gateway.url}/graphql`;
    // Warm every bounded label once, so the count below sees only what random names add.
    await sendRandomNames(url, 8);
    expect(await post(url, { query: KNOWN })).toBe(200);
    const [gatewayBefore, subgraphBefore] = [await series(url), await series(echo.url)];
    const statuses = await sendRandomNames(url, 1_000);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const [gatewayAfter, subgraphAfter] = [await series(url), await series(echo.url)];
    expect(gatewayAfter.size).toBe(gatewayBefore.size);
    expect([...gatewayAfter].filter((s) => !gatewayBefore.has(s))).toEqual([]);
    expect([...subgraphAfter].filter((s) => !subgraphBefore.has(s))).toEqual([]);
    // 1,000 requests: a few seconds alone, much longer on a loaded machine.
  }, 120_000);

  it('labels a manifest operation by its name, and the rest `other`', async () => {
    const lines = [...(await series(`${gateway.url}/graphql`))];
    const labels = new Set(
      lines
        .filter((line) => line.startsWith('graphql_requests_total{'))
        .map((line) => /operation="([^"]*)"/.exec(line)?.[1]),
    );
    expect([...labels].sort()).toEqual(['KnownHello', 'other']);
  });

  it('labels a subgraph’s requests by its own root fields, whatever the caller named them', async () => {
    await sendRandomNames(echo.url, 200);
    const labels = new Set(
      [...(await series(echo.url))]
        .filter((line) => line.startsWith('graphql_requests_total{'))
        .map((line) => /operation="([^"]*)"/.exec(line)?.[1]),
    );
    expect([...labels].sort()).toEqual(['other', 'query hello']);
  });
});
